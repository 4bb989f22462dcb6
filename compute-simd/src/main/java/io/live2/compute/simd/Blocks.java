package io.live2.compute.simd;

/**
 * Copy of io.live2.compute.cpu.Blocks (package-private there; this module cannot see it). Keep the
 * arithmetic identical: the simd backend's bit-identity with "reference" and "cpu" depends on it.
 *
 * <p>The fixed atom blocks that every CPU backend reduces over. Sums are formed per block in ascending atom order
 * and the block sums are then added in block order, so the result is the same bytes whatever thread computed
 * which block: this is how "reference" and "cpu" produce bit-identical energies.
 */
final class Blocks {
    /** Atoms per block: the unit of both work distribution and energy reduction. */
    static final int SIZE = 1024;

    private Blocks() {
    }

    static int count(int atoms) {
        return (atoms + SIZE - 1) / SIZE;
    }

    static int start(int block) {
        return block * SIZE;
    }

    static int end(int block, int atoms) {
        return Math.min(atoms, (block + 1) * SIZE);
    }

    /** Adds per-block partial sums in block order. */
    static double sum(double[] partials, int blocks) {
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += partials[b];
        }
        return s;
    }
}
