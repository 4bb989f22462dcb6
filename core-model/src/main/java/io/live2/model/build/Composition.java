package io.live2.model.build;

import java.util.List;

/**
 * Scales molecule ratios to a requested atom count. Rule: for each candidate total molecule count M, apportion M
 * among the components by largest remainder (Hamilton: floor of each quota M·r_k/Σr, leftover molecules to the
 * largest fractional parts, ties to the earlier component); pick the M whose atom total is closest to the
 * request (ties: the smaller M). M is searched in a window around particles / mean atoms per molecule, wide
 * enough that the chosen total is within one largest molecule of the request. At least one molecule is placed.
 */
public final class Composition {
    private Composition() {
    }

    /**
     * @param ratios     relative molecule amounts (positive)
     * @param atomsEach  atoms per molecule of each component
     * @param particles  requested atom count
     * @return molecule count per component
     */
    public static long[] scale(List<Double> ratios, int[] atomsEach, long particles) {
        int k = ratios.size();
        double sum = 0;
        double atomsPerUnit = 0;
        for (int i = 0; i < k; i++) {
            sum += ratios.get(i);
        }
        for (int i = 0; i < k; i++) {
            atomsPerUnit += ratios.get(i) / sum * atomsEach[i];
        }
        long centre = Math.round(particles / atomsPerUnit);
        long[] best = null;
        long bestErr = Long.MAX_VALUE;
        for (long m = Math.max(1, centre - k - 1); m <= centre + k + 1; m++) {
            long[] c = apportion(ratios, sum, m);
            long atoms = 0;
            for (int i = 0; i < k; i++) {
                atoms += c[i] * atomsEach[i];
            }
            long err = Math.abs(atoms - particles);
            if (err < bestErr) {
                bestErr = err;
                best = c;
            }
        }
        return best;
    }

    /** Largest-remainder apportionment of m molecules in the given ratios. */
    static long[] apportion(List<Double> ratios, double sum, long m) {
        int k = ratios.size();
        long[] c = new long[k];
        double[] rem = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double q = m * (ratios.get(i) / sum);
            c[i] = (long) Math.floor(q);
            rem[i] = q - c[i];
            given += c[i];
        }
        for (long left = m - given; left > 0; left--) {
            int pick = 0;
            for (int i = 1; i < k; i++) {
                if (rem[i] > rem[pick]) {
                    pick = i;
                }
            }
            c[pick]++;
            rem[pick] = -1;
        }
        return c;
    }
}
