package io.live2.compute.kernels;

import io.live2.compute.Energies;

/** Per-block partial energies and virial of one force evaluation, reduced in block order. */
public final class BlockEnergies {
    private final double[] lj;
    private final double[] bonds;
    private final double[] repulsion13;
    private final double[] virial;
    private final int blocks;

    public BlockEnergies(int atoms) {
        blocks = Blocks.count(atoms);
        lj = new double[blocks];
        bonds = new double[blocks];
        repulsion13 = new double[blocks];
        virial = new double[blocks];
    }

    /** Stores block b's sums; each atom contributes half of each of its pair terms (the partner adds the other half). */
    public void set(int b, double ljSum, double bondSum, double r13Sum, double virialSum) {
        lj[b] = ljSum;
        bonds[b] = bondSum;
        repulsion13[b] = r13Sum;
        virial[b] = virialSum;
    }

    public Energies reduce() {
        return new Energies(Blocks.sum(lj, blocks), Blocks.sum(bonds, blocks), Blocks.sum(repulsion13, blocks),
                Blocks.sum(virial, blocks));
    }
}
