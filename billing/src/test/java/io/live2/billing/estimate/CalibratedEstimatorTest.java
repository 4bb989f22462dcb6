package io.live2.billing.estimate;

import io.live2.billing.Capacity;
import io.live2.billing.JobEstimate;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratedEstimatorTest {
    /** miller-urey measured at 100 and 1000 atoms; lj-fluid at 1000. */
    static final Calibration CAL = new Calibration("t", "m", "live calibrate", "v", List.of(
            new Calibration.Point("auto", "miller-urey", 100, 1.0e6, 1.0),
            new Calibration.Point("auto", "miller-urey", 1000, 4.0e6, 3.0),
            new Calibration.Point("auto", "lj-fluid", 1000, 1.0e7, 0.5)));
    static final CalibratedEstimator EST = new CalibratedEstimator(CAL, PriceTable.bundled(), "c7i.2xlarge", 1.25);

    static SimulationConfig config(String preset, int atoms, long steps) {
        return ConfigLoader.fromJson("{\"preset\":\"" + preset + "\",\"particles\":" + atoms + ",\"steps\":" + steps + "}");
    }

    @Test
    void atACalibratedPointTheEstimateIsTheMeasurement() {
        JobEstimate e = EST.estimate(config("miller-urey", 1000, 40_000), Capacity.SPOT);
        assertEquals(2.0 + 1000.0 * 40_000 / 4.0e6, e.durationSeconds(), 1e-9, "fixed: the median of 1.0 and 3.0");
        double price = PriceTable.bundled().usdPerHour("c7i.2xlarge", Capacity.SPOT);
        assertEquals(e.durationSeconds() / 3600 * price * 1.25, e.costUsd(), 1e-12);
        assertEquals("c7i.2xlarge", e.instanceType());
        assertTrue(e.basis().startsWith("miller-urey/auto at 1000 atoms"), e.basis());
        assertEquals(e.durationSeconds() / 3600 * price, EST.actualCostUsd(e.durationSeconds(), Capacity.SPOT), 1e-12,
                "the actual cost is the same price without the safety factor");
    }

    @Test
    void betweenPointsTheTimePerStepIsInterpolatedLogLog() {
        // time per step: 1e-4 s at 100 atoms, 2.5e-4 s at 1000; at sqrt(100*1000) the geometric mean
        int n = 316;
        double perStep = Math.sqrt(1e-4 * 2.5e-4);
        assertEquals(2.0 + 10_000 * perStep, EST.estimate(config("miller-urey", n, 10_000), Capacity.SPOT).durationSeconds(), 0.01);
    }

    @Test
    void anUncalibratedPresetOrBackendFallsBackAndSaysSo() {
        JobEstimate e = EST.estimate(config("formamide", 1000, 10_000), Capacity.SPOT);
        assertEquals(EST.estimate(config("miller-urey", 1000, 10_000), Capacity.SPOT).durationSeconds(), e.durationSeconds(), 1e-9);
        assertTrue(e.basis().contains("formamide not calibrated, miller-urey's figures"), e.basis());
        SimulationConfig cpu = ConfigLoader.fromJson("{\"preset\":\"lj-fluid\",\"particles\":1000,\"steps\":1000,\"backend\":\"cpu\"}");
        assertTrue(EST.estimate(cpu, Capacity.SPOT).basis().contains("backend cpu not calibrated"));
    }

    @Test
    void aSafetyFactorBelowOneOrAnUnpricedInstanceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CalibratedEstimator(CAL, PriceTable.bundled(), "c7i.2xlarge", 0.9));
        assertThrows(IllegalArgumentException.class, () -> new CalibratedEstimator(CAL, PriceTable.bundled(), "z1.huge", 1.25));
    }

    @Property(tries = 300)
    void moreAtomsOrMoreStepsNeverEstimateLess(@ForAll @IntRange(min = 1, max = 100_000) int atoms,
                                               @ForAll @IntRange(min = 0, max = 50_000) int moreAtoms,
                                               @ForAll @LongRange(min = 0, max = 10_000_000) long steps,
                                               @ForAll @LongRange(min = 0, max = 10_000_000) long moreSteps) {
        for (String preset : new String[]{"miller-urey", "lj-fluid", "open-chemistry"}) {
            JobEstimate base = EST.estimate(config(preset, atoms, steps), Capacity.SPOT);
            JobEstimate bigger = EST.estimate(config(preset, atoms + moreAtoms, steps), Capacity.SPOT);
            JobEstimate longer = EST.estimate(config(preset, atoms, steps + moreSteps), Capacity.SPOT);
            assertTrue(bigger.durationSeconds() >= base.durationSeconds() && bigger.costUsd() >= base.costUsd(), preset);
            assertTrue(longer.durationSeconds() >= base.durationSeconds() && longer.costUsd() >= base.costUsd(), preset);
            assertTrue(EST.estimate(config(preset, atoms, steps), Capacity.ON_DEMAND).costUsd() >= base.costUsd(),
                    "on demand is never cheaper where the table prices it higher");
        }
    }

    @Test
    void noisyPointsNeverMakeABiggerSystemCheaper() {
        // a noisy calibration: 500 atoms measured faster per step and with less fixed time than 200
        Calibration noisy = new Calibration("t", "m", "live calibrate", "v", List.of(
                new Calibration.Point("auto", "miller-urey", 200, 1.0e6, 2.0),
                new Calibration.Point("auto", "miller-urey", 500, 5.0e6, 1.0)));
        CalibratedEstimator e = new CalibratedEstimator(noisy, PriceTable.bundled(), "c7i.2xlarge", 1.0);
        assertTrue(e.estimate(config("miller-urey", 500, 10_000), Capacity.SPOT).durationSeconds()
                >= e.estimate(config("miller-urey", 200, 10_000), Capacity.SPOT).durationSeconds());
    }

    /** Around every measured point (where interpolation meets the point's own figure), one atom more never costs less. */
    @Test
    void theCurveNeverDipsAtAMeasuredPoint() {
        Calibration awkward = new Calibration("t", "m", "live calibrate", "v", List.of(
                new Calibration.Point("auto", "miller-urey", 137, 3.0703e6, 0.3),
                new Calibration.Point("auto", "miller-urey", 401, 3.0311e6, 0.3),
                new Calibration.Point("auto", "miller-urey", 999, 4.0417e6, 0.3),
                new Calibration.Point("auto", "miller-urey", 2503, 3.4219e6, 0.3)));
        CalibratedEstimator e = new CalibratedEstimator(awkward, PriceTable.bundled(), "c7i.2xlarge", 1.25);
        for (int point : new int[]{137, 401, 999, 2503}) {
            double previous = 0;
            for (int n = point - 3; n <= point + 3; n++) {
                double d = e.estimate(config("miller-urey", n, 9_999_991), Capacity.SPOT).durationSeconds();
                assertTrue(d >= previous, n + " atoms: " + d + " < " + previous);
                previous = d;
            }
        }
    }
}
