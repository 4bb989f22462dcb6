package io.live2.cli;

import io.live2.model.io.FrameLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live analyze over a damaged snapshot ends with exit 2 and names the snapshot file, never exit 1 with a parser's exception. */
class AnalyzeBadInputTest {
    @TempDir
    Path tmp;

    /** 20 steps with snapshots at steps 0, 10 and 20. */
    private Path smallRun() {
        Path dir = tmp.resolve("run");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "20",
                "--snapshot-every", "10", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        return dir;
    }

    @Test
    void analyzeWithoutSnapshotFiles() throws IOException {
        Path dir = smallRun();
        try (var s = Files.list(dir.resolve("snapshots"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        CliHarness.assertBadInput(CliHarness.run("analyze", dir.toString()), dir.resolve("snapshots").toString(), "no snapshot");
    }

    /** A run directory as written before the frame log: one snapshot file per frame. */
    private Path oldLayoutRun() throws IOException {
        Path dir = smallRun();
        for (Path segment : FrameLog.segments(dir.resolve("snapshots"))) {
            Files.delete(segment);
        }
        return dir;
    }

    @Test
    void analyzeAGarbageSnapshot() throws IOException {
        Path dir = oldLayoutRun();
        Path snap = dir.resolve("snapshots/snapshot_000000010.json");
        Files.writeString(snap, "this is not JSON");
        CliHarness.assertBadInput(CliHarness.run("analyze", dir.toString()), snap.toString());
    }

    @Test
    void analyzeATruncatedSnapshot() throws IOException {
        Path dir = oldLayoutRun();
        Path snap = dir.resolve("snapshots/snapshot_000000010.json");
        try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        CliHarness.assertBadInput(CliHarness.run("analyze", dir.toString()), snap.toString());
    }

    @Test
    void analyzeAGarbageFrameLog() throws IOException {
        Path dir = smallRun();
        Path segment = FrameLog.segments(dir.resolve("snapshots")).get(0);
        Files.writeString(segment, "this is not gzip");
        CliHarness.assertBadInput(CliHarness.run("analyze", dir.toString()), segment.toString());
    }

    @Test
    void analyzeAFrameLogDamagedInTheMiddle() throws IOException {
        Path dir = smallRun();
        Path segment = FrameLog.segments(dir.resolve("snapshots")).get(0);
        byte[] b = Files.readAllBytes(segment);
        for (int k = b.length / 3; k < b.length / 3 + 64; k++) {
            b[k] ^= (byte) 0x5A;
        }
        Files.write(segment, b);
        CliHarness.assertBadInput(CliHarness.run("analyze", dir.toString()), segment.toString());
    }
}
