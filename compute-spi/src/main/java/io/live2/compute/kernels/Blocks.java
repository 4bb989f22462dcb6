package io.live2.compute.kernels;

/**
 * The fixed atom blocks that every CPU backend reduces over. Sums are formed per block in ascending atom order
 * and the block sums are then added in block order, so the result is the same bytes whatever thread computed
 * which block: this is how "reference" and "cpu" produce bit-identical energies.
 */
public final class Blocks {
    /** Atoms per block: the unit of both work distribution and energy reduction. */
    public static final int SIZE = 1024;

    private Blocks() {
    }

    public static int count(int atoms) {
        return (atoms + SIZE - 1) / SIZE;
    }

    public static int start(int block) {
        return block * SIZE;
    }

    public static int end(int block, int atoms) {
        return Math.min(atoms, (block + 1) * SIZE);
    }

    /** Adds per-block partial sums in block order. */
    public static double sum(double[] partials, int blocks) {
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += partials[b];
        }
        return s;
    }
}
