package io.live2.billing.estimate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {
    static Calibration sample() {
        return new Calibration("2026-12-05T00:00:00Z", "test machine", "live calibrate --quick", "0.1.0",
                List.of(new Calibration.Point("auto", "miller-urey", 500, 4.0e6, 0.5),
                        new Calibration.Point("auto", "miller-urey", 100, 3.0e6, 0.2)));
    }

    @Test
    void aCalibrationSurvivesItsFile(@TempDir Path dir) {
        Path f = dir.resolve("c.json");
        sample().write(f);
        assertEquals(sample(), Calibration.read(f));
        assertEquals(100, Calibration.read(f).points().get(0).atoms(), "points are kept sorted by atoms");
    }

    @Test
    void theBundledCalibrationWasMeasuredForEveryPreset() {
        Calibration c = Calibration.bundled();
        assertFalse(c.points().isEmpty());
        assertTrue(c.command().startsWith("live calibrate"), "produced by the command: " + c.command());
        for (String preset : io.live2.model.config.Presets.names()) {
            assertTrue(c.points().stream().anyMatch(p -> p.family().equals(preset)), preset + " is calibrated");
        }
    }

    @Test
    void aBadFileNamesItselfAndTheField(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), """
                {"created_at": "x", "machine": "m", "command": "c", "live_version": "v",
                 "points": [{"backend": "auto", "family": "lj-fluid", "atoms": 100, "atom_steps_per_second": -5, "fixed_seconds": 0}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.read(f));
        assertTrue(e.getMessage().startsWith("billing.calibration_file: ") && e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("atom_steps_per_second"), e.getMessage());
        Path missing = dir.resolve("none.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.read(missing)).getMessage().contains("cannot read"));
    }
}
