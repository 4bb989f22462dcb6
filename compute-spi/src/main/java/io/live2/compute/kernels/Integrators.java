package io.live2.compute.kernels;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

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

    /** Langevin O-step with noise keyed by (seed, step, atom id, LANGEVIN): independent of who computes it. */
    public static void thermostat(ParticleState s, double[] mass, double c1, double kT, Philox rng, long step, int from, int to) {
        double noise = 1.0 - c1 * c1;
        for (int i = from; i < to; i++) {
            double sd = Math.sqrt(noise * kT / mass[s.type[i]]);
            double[] xi = rng.normals(step, s.id[i], Purpose.LANGEVIN);
            s.vx[i] = c1 * s.vx[i] + sd * xi[0];
            s.vy[i] = c1 * s.vy[i] + sd * xi[1];
        }
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
