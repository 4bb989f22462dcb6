package io.live2.model.random;

/**
 * Philox-4x32-10 (Salmon et al., SC'11, "Parallel random numbers: as easy as 1, 2, 3"): a counter-based
 * generator. Every random number in a run is a pure function of (seed, step, atom id, purpose), so results
 * do not depend on thread count, scheduling order or on having resumed from a checkpoint.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final double TWO_POW_M53 = 0x1.0p-53;

    private final int k0;
    private final int k1;

    public Philox(long seed) {
        k0 = (int) seed;
        k1 = (int) (seed >>> 32);
    }

    /** The four raw 32-bit outputs for a counter. */
    public int[] block(long step, long atom, int purpose) {
        int[] c = {(int) step, (int) (step >>> 32), (int) atom, purpose ^ ((int) (atom >>> 32) << 16)};
        int a = k0;
        int b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                a += W0;
                b += W1;
            }
            long p0 = (M0 & 0xFFFFFFFFL) * (c[0] & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c[2] & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32);
            int lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32);
            int lo1 = (int) p1;
            c[0] = hi1 ^ c[1] ^ a;
            c[1] = lo1;
            c[2] = hi0 ^ c[3] ^ b;
            c[3] = lo0;
        }
        return c;
    }

    /** Two uniforms in (0, 1), never exactly 0, from one block. */
    public double[] uniforms(long step, long atom, int purpose) {
        int[] c = block(step, atom, purpose);
        return new double[] {toUnit(c[0], c[1]), toUnit(c[2], c[3])};
    }

    /** Two independent standard normals (Box–Muller) from one block. */
    public double[] normals(long step, long atom, int purpose) {
        double[] out = new double[2];
        normals(step, atom, purpose, out);
        return out;
    }

    /**
     * {@link #normals(long, long, int)} into out[0], out[1], without allocating: the same numbers, for the
     * thermostat's per-atom draw (the int[] and two double[] per atom of the allocating form were a fifth of a
     * miller-urey step, issue 15).
     */
    public void normals(long step, long atom, int purpose, double[] out) {
        int c0 = (int) step;
        int c1 = (int) (step >>> 32);
        int c2 = (int) atom;
        int c3 = purpose ^ ((int) (atom >>> 32) << 16);
        int a = k0;
        int b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                a += W0;
                b += W1;
            }
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ a;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ b;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
        }
        double u0 = toUnit(c0, c1);
        double u1 = toUnit(c2, c3);
        double r = Math.sqrt(-2.0 * Math.log(u0));
        double t = 2.0 * Math.PI * u1;
        out[0] = r * Math.cos(t);
        out[1] = r * Math.sin(t);
    }

    private static double toUnit(int hi, int lo) {
        long bits = ((hi & 0xFFFFFFFFL) << 21) ^ ((lo & 0xFFFFFFFFL) >>> 11);
        return ((bits & ((1L << 53) - 1)) + 0.5) * TWO_POW_M53;
    }
}
