package io.live2.compute.kernels;

import io.live2.model.ForceField;

/**
 * A force field's LJ pair tables as the pair kernels read them, indexed by type pair (row · types + column): the
 * energy coefficients c12, c6, the cutoff² and the shift, and the force coefficients 12·c12 and 6·c6, multiplied
 * once here so that every kernel does the same arithmetic per pair as ForceField.ljForceOverR.
 */
public record LjTables(int typeCount, double[] c12, double[] c6, double[] c12x12, double[] c6x6, double[] cut2,
                       double[] shift) {

    public static LjTables of(ForceField ff) {
        double[] c12 = ff.c12Table();
        double[] c6 = ff.c6Table();
        double[] c12x12 = new double[c12.length];
        double[] c6x6 = new double[c6.length];
        for (int p = 0; p < c12.length; p++) {
            c12x12[p] = 12 * c12[p];
            c6x6[p] = 6 * c6[p];
        }
        return new LjTables(ff.typeCount(), c12, c6, c12x12, c6x6, ff.cutoff2Table(), ff.shiftTable());
    }
}
