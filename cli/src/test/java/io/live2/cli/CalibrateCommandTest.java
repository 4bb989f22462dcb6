package io.live2.cli;

import io.live2.billing.Capacity;
import io.live2.billing.estimate.Calibration;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.billing.estimate.PriceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live calibrate: a quick calibration writes a file the estimator loads; --verify checks it; bad input exits 2. */
class CalibrateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aQuickCalibrationWritesAFileTheEstimatorUsesAndVerifyChecksIt() throws Exception {
        Path out = tmp.resolve("cal.json");
        Path report = tmp.resolve("check.md");
        CliHarness.Outcome o = CliHarness.run("calibrate", "--quick", "--presets", "miller-urey,lj-fluid", "--atoms", "60,120",
                "--out", out.toString(), "--verify", "1", "--report", report.toString());
        assertEquals(0, o.exitCode(), o.err() + o.out());
        Calibration c = Calibration.read(out);
        assertEquals(4, c.points().size(), "2 presets x 2 sizes");
        assertTrue(c.points().stream().allMatch(p -> p.atomStepsPerSecond() > 0 && p.fixedSeconds() >= 0), c.toString());
        assertTrue(c.command().contains("--quick"), c.command());
        CalibratedEstimator e = new CalibratedEstimator(c, PriceTable.bundled(), "c7i.2xlarge", 1.25);
        assertTrue(e.estimate(JobTimer.config("miller-urey", "auto", 100, 1000), Capacity.SPOT).durationSeconds() > 0);
        assertTrue(o.out().contains("duration error over 1 jobs: median"), o.out());
        String md = Files.readString(report);
        assertTrue(md.contains("| 1 | " + EstimateCheck.job(0).preset() + " |"), md);
    }

    @Test
    void badInputNamesTheOption() {
        CliHarness.assertBadInput(CliHarness.run("calibrate", "--presets", "no-such", "--out", tmp.resolve("x.json").toString()), "--presets");
        CliHarness.assertBadInput(CliHarness.run("calibrate", "--atoms", "5", "--out", tmp.resolve("x.json").toString()), "--atoms");
        CliHarness.assertBadInput(CliHarness.run("calibrate", "--verify", "-1", "--out", tmp.resolve("x.json").toString()), "--verify");
    }
}
