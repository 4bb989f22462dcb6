package io.live2.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checkpoints are ordered by step number, not by name: past step 10^9 the names grow a digit, and directories written
 * with 9-digit names meet 11-digit ones after an upgrade. Text order then put the newest checkpoint first, so the
 * retention deleted it as soon as it was written and resume picked a stale one.
 */
class CheckpointOrderTest {
    @TempDir
    Path tmp;

    private RunDirectory dirWith(String... names) throws IOException {
        RunDirectory d = RunDirectory.create(tmp.resolve("run"));
        for (String n : names) {
            Files.writeString(d.root().resolve("checkpoints").resolve(n), n);
        }
        return d;
    }

    private Set<String> remaining(RunDirectory d) throws IOException {
        try (var s = Files.list(d.root().resolve("checkpoints"))) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void newCheckpointNamesHaveElevenDigitsSoTheyCoverTheStepRange() throws IOException {
        RunDirectory d = RunDirectory.create(tmp.resolve("run"));
        assertEquals("checkpoint_00000000400.bin", d.checkpoint(400).getFileName().toString());
        assertEquals("checkpoint_10000000000.bin", d.checkpoint(10_000_000_000L).getFileName().toString());
        // snapshot names stay as documented (9 digits)
        assertEquals("snapshot_000000400.json", d.snapshot(400).getFileName().toString());
    }

    @Test
    void latestIsTheHighestStepAcrossTheBillionBoundary() throws IOException {
        RunDirectory d = dirWith("checkpoint_999999999.bin", "checkpoint_1000000000.bin");
        assertEquals(Optional.of("checkpoint_1000000000.bin"), d.latestCheckpoint().map(p -> p.getFileName().toString()));
    }

    @Test
    void latestIsTheHighestStepAcrossNameWidths() throws IOException {
        // a 9-digit run directory resumed after the upgrade: its new checkpoints have 11 digits
        RunDirectory d = dirWith("checkpoint_000000400.bin", "checkpoint_00000000600.bin");
        assertEquals(Optional.of("checkpoint_00000000600.bin"), d.latestCheckpoint().map(p -> p.getFileName().toString()));
    }

    @Test
    void retentionKeepsTheNewestTwoByStep() throws IOException {
        RunDirectory d = dirWith("checkpoint_999999998.bin", "checkpoint_999999999.bin", "checkpoint_1000000000.bin",
                "checkpoint_01000000010.bin", "checkpoint_000000400.bin", "other.txt");
        CheckpointRetention.keepLatest(d, 2);
        assertEquals(Set.of("checkpoint_01000000010.bin", "checkpoint_1000000000.bin", "other.txt"), remaining(d));
    }

    @Test
    void retentionAcrossNameWidthsKeepsTheNewOne() throws IOException {
        RunDirectory d = dirWith("checkpoint_000000200.bin", "checkpoint_000000400.bin", "checkpoint_00000000600.bin");
        CheckpointRetention.keepLatest(d, 2);
        assertEquals(Set.of("checkpoint_000000400.bin", "checkpoint_00000000600.bin"), remaining(d));
    }
}
