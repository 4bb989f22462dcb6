package io.live2.model;

import java.util.Arrays;

/**
 * Particle state as a structure of arrays. Index i is a slot in these arrays; {@code id[i]} is the atom's
 * stable global id, which output and reaction mapping use and which is never reused.
 * Positions are kept wrapped into [0, box) by the integrators.
 */
public final class ParticleState {
    public final int n;
    public final long[] id;
    public final int[] type;
    public final double[] x;
    public final double[] y;
    public final double[] vx;
    public final double[] vy;
    public final double[] fx;
    public final double[] fy;
    private final double boxX;
    private final double boxY;

    public ParticleState(int n, double boxX, double boxY) {
        if (n < 0) {
            throw new IllegalArgumentException("particle count must be >= 0, got " + n);
        }
        if (!(boxX > 0) || !(boxY > 0)) {
            throw new IllegalArgumentException("box must be positive, got " + boxX + " x " + boxY);
        }
        this.n = n;
        this.boxX = boxX;
        this.boxY = boxY;
        id = new long[n];
        type = new int[n];
        x = new double[n];
        y = new double[n];
        vx = new double[n];
        vy = new double[n];
        fx = new double[n];
        fy = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
    }

    public double boxX() {
        return boxX;
    }

    public double boxY() {
        return boxY;
    }

    /** Minimum-image separation component along x for a raw difference dx. */
    public double minImageX(double dx) {
        return dx - boxX * Math.rint(dx / boxX);
    }

    public double minImageY(double dy) {
        return dy - boxY * Math.rint(dy / boxY);
    }

    /** Squared minimum-image distance between slots i and j. */
    public double distance2(int i, int j) {
        double dx = minImageX(x[i] - x[j]);
        double dy = minImageY(y[i] - y[j]);
        return dx * dx + dy * dy;
    }

    /**
     * v wrapped into [0, box). The remainder {@code v % box} is exact (IEEE fmod), so a position any distance
     * outside the box lands inside it; v − box·⌊v/box⌋ loses every digit once |v| is far beyond the box (at
     * 2^53·box the product rounds by more than the box) and returned values like −8388608 for atoms that had flown
     * off. For v within one box of the box, the result has the same bytes as that formula. Not finite in, NaN out.
     */
    public static double wrap(double v, double box) {
        double w = v % box;
        if (w < 0) {
            w += box;
        }
        // a tiny negative remainder plus box can round up to box itself
        return w >= box ? w - box : w;
    }

    public ParticleState copy() {
        ParticleState c = new ParticleState(n, boxX, boxY);
        System.arraycopy(id, 0, c.id, 0, n);
        System.arraycopy(type, 0, c.type, 0, n);
        System.arraycopy(x, 0, c.x, 0, n);
        System.arraycopy(y, 0, c.y, 0, n);
        System.arraycopy(vx, 0, c.vx, 0, n);
        System.arraycopy(vy, 0, c.vy, 0, n);
        System.arraycopy(fx, 0, c.fx, 0, n);
        System.arraycopy(fy, 0, c.fy, 0, n);
        return c;
    }

    public double kineticEnergy(ForceField ff) {
        double k = 0;
        for (int i = 0; i < n; i++) {
            k += 0.5 * ff.mass(type[i]) * (vx[i] * vx[i] + vy[i] * vy[i]);
        }
        return k;
    }

    /** Total momentum {px, py}. */
    public double[] momentum(ForceField ff) {
        double px = 0;
        double py = 0;
        for (int i = 0; i < n; i++) {
            double m = ff.mass(type[i]);
            px += m * vx[i];
            py += m * vy[i];
        }
        return new double[] {px, py};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticleState s && s.n == n && s.boxX == boxX && s.boxY == boxY
                && Arrays.equals(s.id, id) && Arrays.equals(s.type, type) && Arrays.equals(s.x, x)
                && Arrays.equals(s.y, y) && Arrays.equals(s.vx, vx) && Arrays.equals(s.vy, vy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(vx);
    }
}
