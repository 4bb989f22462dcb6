package io.live2.model.io;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The step is read from the digits of a per-step file name; names of other files (temp, damaged, too long) have none. */
class StepFilesTest {
    @Test
    void stepOfACheckpointOrSnapshotName() {
        assertEquals(OptionalLong.of(1_000_000_000L), StepFiles.checkpointStep("checkpoint_1000000000.bin"));
        assertEquals(OptionalLong.of(400), StepFiles.checkpointStep("checkpoint_000000400.bin"));
        assertEquals(OptionalLong.of(400), StepFiles.checkpointStep("checkpoint_00000000400.bin"));
        assertEquals(OptionalLong.of(10_000_000_000L), StepFiles.snapshotStep("snapshot_10000000000.json"));
        for (String other : List.of("checkpoint_12.bin", "checkpoint_000000400.bin.damaged", ".checkpoint_000000400.bin.1f.tmp",
                "checkpoint_0000000000000000001000.bin", "snapshot_000000400.json", "checkpoint_-00000400.bin")) {
            assertEquals(OptionalLong.empty(), StepFiles.checkpointStep(other), other);
        }
    }

    @Test
    void namesHaveAsciiDigitsWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // formats numbers with Arabic-Indic digits
            assertEquals("checkpoint_00000000400.bin", StepFiles.checkpointName(400));
            assertEquals("snapshot_000000400.json", StepFiles.snapshotName(400));
        } finally {
            Locale.setDefault(before);
        }
    }
}
