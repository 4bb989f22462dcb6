package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged newest checkpoint (truncated by a full disk, a bit flipped in transit) does not stop a resume while an older
 * good one is kept (that is why two are kept): the resume continues from the older one and says so on stderr and in
 * logs/simulation.log. Only when no checkpoint reads back intact does it stop, with exit 2 naming each file.
 */
class DamagedCheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEWEST = "checkpoint_00000000020.bin";

    @TempDir
    Path tmp;

    /** 20 steps with checkpoints at steps 10 and 20. */
    private Path smallRun() {
        Path dir = tmp.resolve("run");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "20",
                "--checkpoint-every", "10", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(Files.exists(dir.resolve("checkpoints").resolve(NEWEST)));
        return dir;
    }

    private static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    private static void flipAByteInThePayload(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }

    private void assertResumesFromTheOlderCheckpoint(Path dir, String reason) throws IOException {
        CliHarness.Outcome o = CliHarness.run("resume", dir.toString(), "--steps", "30");
        assertEquals(0, o.exitCode(), o.err());
        for (String mention : new String[] {NEWEST, reason, "checkpoint_00000000010.bin", "step 10"}) {
            assertTrue(o.err().contains(mention), "stderr says '" + mention + "': " + o.err());
        }
        String log = Files.readString(dir.resolve("logs/simulation.log"));
        assertTrue(log.contains(NEWEST) && log.contains(reason) && log.contains("step 10"), log);
        JsonNode segments = JSON.readTree(dir.resolve("metadata.json").toFile()).get("segments");
        assertEquals(10, segments.get(segments.size() - 1).get("resumed_from_checkpoint_step").asLong());
        assertEquals(30, JSON.readTree(dir.resolve("results/results.json").toFile()).get("steps").asLong());
        // kept for inspection under a name that is no checkpoint's, so it neither shadows nor displaces good ones
        assertTrue(Files.exists(dir.resolve("checkpoints").resolve(NEWEST + ".damaged")));
    }

    @Test
    void truncatedNewestCheckpointFallsBackToTheOlderOne() throws IOException {
        Path dir = smallRun();
        truncate(dir.resolve("checkpoints").resolve(NEWEST));
        assertResumesFromTheOlderCheckpoint(dir, "truncated");
    }

    @Test
    void newestCheckpointWithAChecksumMismatchFallsBackToTheOlderOne() throws IOException {
        Path dir = smallRun();
        flipAByteInThePayload(dir.resolve("checkpoints").resolve(NEWEST));
        assertResumesFromTheOlderCheckpoint(dir, "checksum");
    }

    @Test
    void noIntactCheckpointIsBadInputNamingEachFile() throws IOException {
        Path dir = smallRun();
        truncate(dir.resolve("checkpoints").resolve(NEWEST));
        flipAByteInThePayload(dir.resolve("checkpoints/checkpoint_00000000010.bin"));
        CliHarness.Outcome o = CliHarness.run("resume", dir.toString(), "--steps", "30");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains(NEWEST) && o.err().contains("truncated"), o.err());
        assertTrue(o.err().contains("checkpoint_00000000010.bin") && o.err().contains("checksum"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertTrue(Files.exists(dir.resolve("checkpoints").resolve(NEWEST)), "nothing is moved when nothing can be resumed");
    }

    @Test
    void aResumeRefusedForBadInputMovesNothing() throws IOException {
        Path dir = smallRun();
        truncate(dir.resolve("checkpoints").resolve(NEWEST));
        CliHarness.Outcome o = CliHarness.run("resume", dir.toString(), "--steps", "5");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("steps: 5"), o.err());
        assertTrue(Files.exists(dir.resolve("checkpoints").resolve(NEWEST)), "the damaged file stays until a resume goes ahead");
    }
}
