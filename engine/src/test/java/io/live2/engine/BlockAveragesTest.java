package io.live2.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocked standard errors against series whose answer is known: independent Gaussian values (SEM = σ/√n) and an
 * AR(1) process x_t = φ x_{t−1} + ε_t, whose mean's SEM is the naive one times √((1 + φ)/(1 − φ)).
 */
class BlockAveragesTest {

    private static double[] gaussian(long seed, int n, double sigma) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * normal(r);
        }
        return x;
    }

    private static double normal(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] ar1(long seed, int n, double phi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double prev = normal(r) / Math.sqrt(1 - phi * phi); // stationary start
        for (int i = 0; i < n; i++) {
            prev = phi * prev + normal(r);
            x[i] = prev;
        }
        return x;
    }

    @Test
    void independentValuesGiveSigmaOverRootN() {
        int n = 4096;
        double sigma = 2.5;
        int within = 0;
        for (long seed = 1; seed <= 20; seed++) {
            BlockAverages.Estimate e = BlockAverages.estimate(gaussian(seed, n, sigma), n);
            double expected = sigma / Math.sqrt(n);
            // the blocked estimate of an uncorrelated series stays at the naive one, within its own noise
            assertEquals(expected, e.sem(), 0.35 * expected, "seed " + seed);
            assertEquals(e.naive(), e.sem(), 0.35 * e.naive(), "seed " + seed);
            if (Math.abs(e.mean()) <= 2 * expected) {
                within++;
            }
        }
        assertTrue(within >= 16, "about 95% of means within two SEMs of 0: " + within + "/20");
    }

    @Test
    void correlatedValuesGiveALargerErrorThanTheNaiveOne() {
        int n = 1 << 15;
        double phi = 0.9;
        double factor = Math.sqrt((1 + phi) / (1 - phi)); // 4.36
        for (long seed = 1; seed <= 10; seed++) {
            BlockAverages.Estimate e = BlockAverages.estimate(ar1(seed, n, phi), n);
            assertTrue(e.plateau(), "a long series reaches the plateau");
            assertTrue(e.sem() > 2.5 * e.naive(), "blocked " + e.sem() + " vs naive " + e.naive());
            assertEquals(factor * e.naive(), e.sem(), 0.3 * factor * e.naive(), "seed " + seed);
            assertTrue(e.block() > 1);
        }
    }

    @Test
    void levelsHalveTheSeries() {
        double[] x = gaussian(3, 100, 1);
        var levels = BlockAverages.levels(x, 100);
        assertEquals(java.util.List.of(100, 50, 25, 12, 6, 3), levels.stream().map(BlockAverages.Level::blocks).toList());
        assertEquals(32, levels.get(5).block());
    }

    @Test
    void degenerateSeries() {
        assertTrue(Double.isNaN(BlockAverages.estimate(new double[0], 0).mean()));
        BlockAverages.Estimate one = BlockAverages.estimate(new double[] {4.0}, 1);
        assertEquals(4.0, one.mean());
        assertTrue(Double.isNaN(one.sem()));
        BlockAverages.Estimate constant = BlockAverages.estimate(new double[] {2, 2, 2, 2, 2}, 5);
        assertEquals(0.0, constant.sem());
        BlockAverages.Estimate shortSeries = BlockAverages.estimate(new double[] {1, 2, 3, 4, 5}, 5);
        assertFalse(shortSeries.plateau(), "five values cannot show a plateau");
        assertEquals(shortSeries.naive(), shortSeries.sem());
    }

    /** The SEM scales with the data and ignores an offset; the mean follows both. */
    @Property(tries = 200)
    void affineInvariance(@ForAll @IntRange(min = 2, max = 3000) int n, @ForAll @IntRange(min = 0, max = 1000) int seed,
                          @ForAll @DoubleRange(min = -1e3, max = 1e3) double scale,
                          @ForAll @DoubleRange(min = -1e6, max = 1e6) double shift) {
        if (Math.abs(scale) < 1e-3) {
            return;
        }
        double[] x = ar1(seed, n, 0.5);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = scale * x[i] + shift;
        }
        BlockAverages.Estimate ex = BlockAverages.estimate(x, n);
        BlockAverages.Estimate ey = BlockAverages.estimate(y, n);
        assertEquals(scale * ex.mean() + shift, ey.mean(), 1e-9 * (Math.abs(shift) + Math.abs(scale) * 10));
        assertEquals(ex.block(), ey.block(), "the chosen level does not depend on units");
        assertEquals(Math.abs(scale) * ex.sem(), ey.sem(), 1e-6 * Math.abs(scale) * ex.sem() + 1e-9 * Math.abs(shift));
        assertTrue(ey.sem() >= 0);
    }
}
