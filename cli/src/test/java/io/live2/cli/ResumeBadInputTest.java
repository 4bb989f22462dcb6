package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to resume (a run directory without checkpoints, steps out of range, a damaged metadata.json) ends with
 * exit 2 and a message naming the file or field and what is wrong, never exit 1 with an exception's class name.
 */
class ResumeBadInputTest {
    @TempDir
    Path tmp;

    /** 20 steps with checkpoints and snapshots at steps 10 and 20. */
    private Path smallRun() {
        Path dir = tmp.resolve("run");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "20",
                "--checkpoint-every", "10", "--snapshot-every", "10", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        return dir;
    }

    @Test
    void resumeWithoutCheckpointFiles() throws IOException {
        Path dir = smallRun();
        try (var s = Files.list(dir.resolve("checkpoints"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        CliHarness.assertBadInput(CliHarness.run("resume", dir.toString()), dir.resolve("checkpoints").toString(), "no checkpoint");
    }

    @Test
    void resumeStepsBelowTheStepReached() {
        Path dir = smallRun();
        CliHarness.assertBadInput(CliHarness.run("resume", dir.toString(), "--steps", "5"), "steps", "5", "20");
    }

    @Test
    void resumeStepsAboveTheLimitOfRun() {
        Path dir = smallRun();
        // before the bound existed this started a run of 10^10 steps: the timeout keeps a regression from hanging the build
        CliHarness.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliHarness.run("resume", dir.toString(), "--steps", "10000000001"));
        CliHarness.assertBadInput(o, "steps", "10000000001", "0..10000000000");
    }

    @Test
    void resumeWithAGarbageMetadataFile() throws IOException {
        Path dir = smallRun();
        Files.writeString(dir.resolve("metadata.json"), "{\"status\": \"succ");
        CliHarness.assertBadInput(CliHarness.run("resume", dir.toString(), "--steps", "30"), dir.resolve("metadata.json").toString());
    }
}
