package io.live2.billing.estimate;

import java.util.List;

/**
 * One (backend, family)'s measured points as a function of the atom count: the time per step interpolated
 * log-log (made non-decreasing in atoms first, a running maximum, so measurement noise can never make a bigger
 * system look cheaper per step than a smaller one), and one fixed cost for the family: the median of its points'
 * fixed seconds. Measured here they are a few tenths of a second at every size, and each is the small difference
 * of two noisy timings, so the median is the honest figure; a curve through them would fit the noise.
 */
final class ThroughputCurve {
    private final int[] atoms;
    private final double[] secondsPerStep;
    private final double fixedSeconds;

    ThroughputCurve(List<Calibration.Point> points) {
        int n = points.size();
        atoms = new int[n];
        secondsPerStep = new double[n];
        double[] fixed = new double[n];
        for (int i = 0; i < n; i++) {
            Calibration.Point p = points.get(i);
            atoms[i] = p.atoms();
            secondsPerStep[i] = p.atoms() / p.atomStepsPerSecond();
            fixed[i] = p.fixedSeconds();
            if (i > 0) {
                secondsPerStep[i] = Math.max(secondsPerStep[i], secondsPerStep[i - 1]);
            }
        }
        java.util.Arrays.sort(fixed);
        fixedSeconds = n % 2 == 1 ? fixed[n / 2] : (fixed[n / 2 - 1] + fixed[n / 2]) / 2;
    }

    /** Seconds per step at this atom count. */
    double secondsPerStep(int n) {
        if (n <= atoms[0]) {
            // below the smallest measured system: the smallest point's atom-steps per second (time per step scales
            // with the atoms); n / atoms[0] is exactly 1 at the point itself, so the two sides meet without rounding
            return secondsPerStep[0] * ((double) n / atoms[0]);
        }
        int last = atoms.length - 1;
        if (n >= atoms[last]) {
            return secondsPerStep[last] * ((double) n / atoms[last]); // beyond: constant atom-steps per second
        }
        int i = segment(n);
        double t = (Math.log(n) - Math.log(atoms[i])) / (Math.log(atoms[i + 1]) - Math.log(atoms[i]));
        double v = Math.exp(Math.log(secondsPerStep[i]) + t * (Math.log(secondsPerStep[i + 1]) - Math.log(secondsPerStep[i])));
        // exp(log(x)) may miss x by an ulp: held within the segment's ends, the curve never dips at a measured point
        return Math.min(secondsPerStep[i + 1], Math.max(secondsPerStep[i], v));
    }

    double fixedSeconds() {
        return fixedSeconds;
    }

    int minAtoms() {
        return atoms[0];
    }

    int maxAtoms() {
        return atoms[atoms.length - 1];
    }

    private int segment(int n) {
        int i = 0;
        while (i + 1 < atoms.length && atoms[i + 1] <= n) {
            i++;
        }
        return Math.min(i, atoms.length - 2);
    }
}
