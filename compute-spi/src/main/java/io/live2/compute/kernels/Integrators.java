package io.live2.compute.kernels;

import io.live2.compute.Motion;
import io.live2.model.ParticleState;
import io.live2.model.random.Philox;

/**
 * Per-atom integrator updates over a slot range [from, to). Both CPU backends call these exact loops (the
 * threaded one per block), so their trajectories stay bit-identical.
 */
public final class Integrators {
    private Integrators() {
    }

    /** v += (f/m)·dt. */
    public static void kick(ParticleState s, double[] invMass, double dt, int from, int to) {
        double[] vx = s.vx;
        double[] vy = s.vy;
        double[] fx = s.fx;
        double[] fy = s.fy;
        int[] type = s.type;
        for (int i = from; i < to; i++) {
            double im = invMass[type[i]];
            vx[i] += fx[i] * im * dt;
            vy[i] += fy[i] * im * dt;
        }
    }

    /** x += v·dt, wrapped into [0, box). */
    public static void drift(ParticleState s, double dt, int from, int to) {
        double bx = s.boxX();
        double by = s.boxY();
        double[] x = s.x;
        double[] y = s.y;
        double[] vx = s.vx;
        double[] vy = s.vy;
        for (int i = from; i < to; i++) {
            x[i] = ParticleState.wrap(x[i] + vx[i] * dt, bx);
            y[i] = ParticleState.wrap(y[i] + vy[i] * dt, by);
        }
    }

    /**
     * Langevin O-step with noise keyed by (seed, step, atom id, purpose): independent of who computes it. Returns
     * the kinetic energy it changed (the heat the bath gave, negative when it took), summed in ascending order.
     */
    public static double thermostat(ParticleState s, double[] mass, double c1, double kT, Philox rng, long step,
                                    int purpose, int from, int to) {
        double noise = 1.0 - c1 * c1;
        double heat = 0;
        double[] xi = new double[2];
        for (int i = from; i < to; i++) {
            double m = mass[s.type[i]];
            double sd = Math.sqrt(noise * kT / m);
            rng.normals(step, s.id[i], purpose, xi);
            double vx = s.vx[i];
            double vy = s.vy[i];
            double nx = c1 * vx + sd * xi[0];
            double ny = c1 * vy + sd * xi[1];
            s.vx[i] = nx;
            s.vy[i] = ny;
            heat += 0.5 * m * ((nx * nx + ny * ny) - (vx * vx + vy * vy));
        }
        return heat;
    }

    /**
     * The per-step sanity check over [from, to) (see {@link io.live2.compute.Motion}): writes the largest v² and
     * (f/m)² to out[at], out[at + 1], and 1 to out[at + 2] when some velocity or force is not finite or some
     * position is outside [0, box) or not finite, else 0. One pass of min/max reductions, no branch per atom: it
     * costs a read of the state arrays, 1.5 % of a miller-urey step at 1,000 atoms (SanityCheckBenchmark).
     */
    public static void motion(ParticleState s, double[] invMass, int from, int to, double[] out, int at) {
        double bx = s.boxX();
        double by = s.boxY();
        double[] x = s.x;
        double[] y = s.y;
        double[] vx = s.vx;
        double[] vy = s.vy;
        double[] fx = s.fx;
        double[] fy = s.fy;
        int[] type = s.type;
        double maxV2 = 0;
        double maxA2 = 0;
        double minX = 0;
        double maxX = 0;
        double minY = 0;
        double maxY = 0;
        if (from < to) {
            minX = maxX = x[from];
            minY = maxY = y[from];
        }
        // min/max reductions only: no branch per atom, and Math.min/max propagate NaN, so one NaN anywhere shows
        for (int i = from; i < to; i++) {
            double im = invMass[type[i]];
            maxV2 = Math.max(maxV2, vx[i] * vx[i] + vy[i] * vy[i]);
            maxA2 = Math.max(maxA2, (fx[i] * fx[i] + fy[i] * fy[i]) * (im * im));
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        boolean sound = Double.isFinite(maxV2) && Double.isFinite(maxA2)
                && minX >= 0 && maxX < bx && minY >= 0 && maxY < by;
        out[at] = maxV2;
        out[at + 1] = maxA2;
        out[at + 2] = sound ? 0 : 1;
    }

    /** The lowest slot in [from, to) whose state is not sound (see {@link #motion}), or -1. */
    public static int firstBadAtom(ParticleState s, double[] invMass, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Motion.atomSound(s, i, invMass[s.type[i]])) {
                return i;
            }
        }
        return -1;
    }

    /** {@link Motion} of the whole state on the calling thread (the reference, and device backends' host copy). */
    public static Motion motion(ParticleState s, double[] invMass) {
        int blocks = Blocks.count(s.n);
        double[] partials = new double[3 * blocks];
        for (int b = 0; b < blocks; b++) {
            motion(s, invMass, Blocks.start(b), Blocks.end(b, s.n), partials, 3 * b);
        }
        return combine(s, invMass, partials, blocks);
    }

    /** Combines per-block {@link #motion} results (three doubles per block) into the state's {@link Motion}. */
    public static Motion combine(ParticleState s, double[] invMass, double[] partials, int blocks) {
        double maxV2 = 0;
        double maxA2 = 0;
        boolean bad = false;
        for (int b = 0; b < blocks; b++) {
            maxV2 = Math.max(maxV2, partials[3 * b]);
            maxA2 = Math.max(maxA2, partials[3 * b + 1]);
            bad |= partials[3 * b + 2] != 0;
        }
        // the rare path: find which atom, for the failure report (its speed and acceleration may be NaN)
        int first = bad ? firstBadAtom(s, invMass, 0, s.n) : -1;
        if (first >= 0) {
            return new Motion(Double.NaN, Double.NaN, first);
        }
        return new Motion(Math.sqrt(maxV2), Math.sqrt(maxA2), first);
    }

    /** Kinetic energy of the slots in [from, to), summed in ascending order. */
    public static double kineticEnergy(ParticleState s, double[] mass, int from, int to) {
        double k = 0;
        for (int i = from; i < to; i++) {
            k += 0.5 * mass[s.type[i]] * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i]);
        }
        return k;
    }
}
