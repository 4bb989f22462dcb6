package io.live2.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mean of a correlated time series and its standard error by blocking (Flyvbjerg &amp; Petersen, J. Chem. Phys.
 * 91, 461 (1989)): the series is halved repeatedly by averaging neighbouring pairs; at each level k (block size
 * 2^k, n_k blocks) the naive standard error of the block means, sqrt(c0_k / (n_k − 1)) with c0_k their biased
 * variance, is an estimate that grows with the block size until the blocks are longer than the correlation time,
 * then stays on a plateau. The level is chosen automatically by the criterion of Lee, Kent &amp; Needs (Phys. Rev. E
 * 83, 066706 (2011), the one pyblock uses): the smallest block size B = 2^k with B³ &gt; 2 n (s_k / s_0)⁴, i.e. a
 * block several integrated correlation times long. A series too short for any level to qualify gets the largest
 * estimate of the levels with at least four blocks (conservative), and {@link Estimate#plateau()} false.
 */
public final class BlockAverages {
    private BlockAverages() {
    }

    /**
     * @param mean    the series' mean
     * @param sem     standard error of the mean (NaN for fewer than two values)
     * @param naive   the level-0 estimate, sqrt(c0 / (n − 1)), right only for uncorrelated values
     * @param block   the block size chosen (values per block)
     * @param plateau true when the Lee–Kent–Needs criterion picked the level
     * @param n       number of values
     */
    public record Estimate(double mean, double sem, double naive, long block, boolean plateau, int n) {
    }

    /** One level of the blocking: block size, number of blocks, and the standard-error estimate there. */
    public record Level(long block, int blocks, double sem) {
    }

    /** The blocking levels of {@code values[0..n)}, down to two blocks. */
    public static List<Level> levels(double[] values, int n) {
        List<Level> out = new ArrayList<>();
        double[] x = Arrays.copyOf(values, n);
        int m = n;
        long block = 1;
        while (m >= 2) {
            out.add(new Level(block, m, naiveSem(x, m)));
            int half = m / 2;
            for (int i = 0; i < half; i++) {
                x[i] = 0.5 * (x[2 * i] + x[2 * i + 1]);
            }
            m = half;
            block *= 2;
        }
        return out;
    }

    /** Mean and blocked standard error of {@code values[0..n)}. */
    public static Estimate estimate(double[] values, int n) {
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, false, 0);
        }
        double mean = mean(values, n);
        if (n < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN, 1, false, n);
        }
        List<Level> levels = levels(values, n);
        double s0 = levels.get(0).sem();
        if (s0 == 0) {
            return new Estimate(mean, 0, 0, 1, true, n);
        }
        for (Level l : levels) {
            double b = l.block();
            double ratio = l.sem() / s0;
            if (b * b * b > 2.0 * n * ratio * ratio * ratio * ratio && l.blocks() >= 4) {
                return new Estimate(mean, l.sem(), s0, l.block(), true, n);
            }
        }
        Level widest = levels.get(0);
        for (Level l : levels) {
            if (l.blocks() >= 4 && l.sem() > widest.sem()) {
                widest = l;
            }
        }
        return new Estimate(mean, widest.sem(), s0, widest.block(), false, n);
    }

    private static double mean(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s / n;
    }

    private static double naiveSem(double[] x, int n) {
        double mean = mean(x, n);
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            c0 += d * d;
        }
        c0 /= n;
        return Math.sqrt(c0 / (n - 1));
    }
}
