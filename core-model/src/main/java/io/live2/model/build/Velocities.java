package io.live2.model.build;

import io.live2.model.ParticleState;
import io.live2.model.Units;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

/**
 * Maxwell–Boltzmann initial velocities. Atom i's two components are √(k_B T / m)·(z1, z2) with (z1, z2) the
 * Philox normals for counter (step 0, atom id, purpose INITIAL_VELOCITY), so they depend only on seed and id.
 * Then the centre-of-mass velocity is subtracted (zero net momentum) and all velocities are scaled so the
 * kinetic energy is exactly N k_B T (2-D: 2N degrees of freedom, the convention of CHEMISTRY.md; the engine's
 * thermometer decides whether to subtract the 2 momentum degrees of freedom).
 */
final class Velocities {
    private Velocities() {
    }

    /** @param mass mass per slot, u */
    static void assign(ParticleState s, double[] mass, double temperature, long seed) {
        Philox rng = new Philox(seed);
        double px = 0;
        double py = 0;
        double total = 0;
        for (int i = 0; i < s.n; i++) {
            double[] z = rng.normals(0, s.id[i], Purpose.INITIAL_VELOCITY);
            double sd = Math.sqrt(Units.K_B * temperature / mass[i]);
            s.vx[i] = sd * z[0];
            s.vy[i] = sd * z[1];
            px += mass[i] * s.vx[i];
            py += mass[i] * s.vy[i];
            total += mass[i];
        }
        double cx = px / total;
        double cy = py / total;
        double kinetic = 0;
        for (int i = 0; i < s.n; i++) {
            s.vx[i] -= cx;
            s.vy[i] -= cy;
            kinetic += 0.5 * mass[i] * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i]);
        }
        // A single atom has no motion left after removing the centre of mass; it stays at rest.
        if (kinetic > 0) {
            double scale = Math.sqrt(s.n * Units.K_B * temperature / kinetic);
            for (int i = 0; i < s.n; i++) {
                s.vx[i] *= scale;
                s.vy[i] *= scale;
            }
        }
    }
}
