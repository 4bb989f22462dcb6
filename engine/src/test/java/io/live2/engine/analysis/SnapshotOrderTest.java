package io.live2.engine.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The analysis reads snapshots in step order; past step 10^9 the names are 10 digits long and text order is wrong. */
class SnapshotOrderTest {
    @Test
    void snapshotsAreListedByStepNumber(@TempDir Path tmp) throws IOException {
        for (String n : List.of("snapshot_1000000000.json", "snapshot_999999990.json", "snapshot_000000000.json",
                "snapshot_10000000000.json", "notes.txt")) {
            Files.writeString(tmp.resolve(n), "{}");
        }
        assertEquals(List.of("snapshot_000000000.json", "snapshot_999999990.json", "snapshot_1000000000.json",
                        "snapshot_10000000000.json"),
                RunAnalysis.snapshots(tmp).stream().map(p -> p.getFileName().toString()).toList());
    }
}
