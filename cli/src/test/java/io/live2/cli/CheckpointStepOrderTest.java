package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.config.ConfigLoader;
import io.live2.model.io.Checkpoint;
import io.live2.model.io.CheckpointCodec;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checkpoints are chosen and pruned by step number. Steps go up to 10^10, so names pass 9 digits at step 10^9; text
 * order then deleted each new checkpoint as soon as it was written and resumed from a stale one.
 */
class CheckpointStepOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** 20 steps of a small fluid with a checkpoint and a snapshot every 10 steps. */
    private Path smallRun(String name) {
        Path dir = tmp.resolve(name);
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "20",
                "--snapshot-every", "10", "--checkpoint-every", "10", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        return dir;
    }

    /** The checkpoint file names, oldest step first (the test's own reading of the digits). */
    private static List<String> checkpoints(Path dir) throws IOException {
        try (var s = Files.list(dir.resolve("checkpoints"))) {
            return s.map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingLong(n -> Long.parseLong(n.replaceAll("\\D", "")))).toList();
        }
    }

    private static JsonNode lastSegment(Path dir) throws IOException {
        JsonNode segments = JSON.readTree(dir.resolve("metadata.json").toFile()).get("segments");
        return segments.get(segments.size() - 1);
    }

    private static void resumeTo(Path dir, long steps) {
        CliHarness.Outcome o = CliHarness.run("resume", dir.toString(), "--steps", Long.toString(steps));
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void aRunCrossingStepOneBillionKeepsAndResumesItsNewestCheckpoint() throws IOException {
        Path dir = smallRun("billion");
        // move the run's state to step 999,999,980 as if it had run that long (same atoms, same config)
        Path last = dir.resolve("checkpoints").resolve(checkpoints(dir).get(checkpoints(dir).size() - 1));
        Checkpoint cp = CheckpointCodec.read(last);
        long step = 999_999_980L;
        double dt = ConfigLoader.fromJson(cp.configJson()).timestep();
        Snapshot s = cp.snapshot();
        Checkpoint late = new Checkpoint(cp.configJson(), new Snapshot(step, step * dt, s.types(), s.state(), s.topology()),
                cp.counters(), cp.accumulators());
        for (String f : checkpoints(dir)) {
            Files.delete(dir.resolve("checkpoints").resolve(f));
        }
        CheckpointCodec.write(late, dir.resolve("checkpoints/checkpoint_999999980.bin"));

        // checkpoints and snapshots at 999,999,990, 1,000,000,000 and 1,000,000,010; the analysis reads the snapshots in step order
        resumeTo(dir, 1_000_000_010L);
        assertEquals(List.of("checkpoint_01000000000.bin", "checkpoint_01000000010.bin"), checkpoints(dir),
                "the newest two checkpoints by step are kept");
        resumeTo(dir, 1_000_000_020L);
        assertEquals(1_000_000_010L, lastSegment(dir).get("resumed_from_checkpoint_step").asLong());
        assertEquals(1_000_000_020L, JSON.readTree(dir.resolve("results/results.json").toFile()).get("steps").asLong());
    }

    @Test
    void resumePicksTheCheckpointWithTheHighestStepInItsName() throws IOException {
        Path dir = smallRun("renamed");
        Path cps = dir.resolve("checkpoints");
        List<String> names = checkpoints(dir); // steps 10 and 20
        Files.move(cps.resolve(names.get(0)), cps.resolve("checkpoint_999999999.bin"));
        Files.move(cps.resolve(names.get(1)), cps.resolve("checkpoint_1000000000.bin"));
        resumeTo(dir, 30);
        assertEquals(20, lastSegment(dir).get("resumed_from_checkpoint_step").asLong(),
                "resumed from checkpoint_1000000000.bin (which holds step 20), not checkpoint_999999999.bin (step 10)");
    }

    @Test
    void aRunDirectoryWithNineDigitCheckpointNamesStillResumes() throws IOException {
        Path dir = smallRun("old-names");
        Path cps = dir.resolve("checkpoints");
        for (String n : checkpoints(dir)) { // as written before checkpoint names had 11 digits
            long step = Long.parseLong(n.replaceAll("\\D", ""));
            Files.move(cps.resolve(n), cps.resolve(String.format("checkpoint_%09d.bin", step)));
        }
        resumeTo(dir, 30);
        assertEquals(List.of("checkpoint_000000020.bin", "checkpoint_00000000030.bin"), checkpoints(dir));
        resumeTo(dir, 40);
        assertEquals(30, lastSegment(dir).get("resumed_from_checkpoint_step").asLong());
        assertEquals(List.of("checkpoint_00000000030.bin", "checkpoint_00000000040.bin"), checkpoints(dir));
    }
}
