package io.live2.compute;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The lj-fluid benchmark system of /work/shared/bench/lj2d.in in our units (σ = 1 nm, ε = 1 kJ/mol, m = 1 u, so
 * reduced units map 1:1): a square lattice at density ρ (spacing 1/√ρ, nx = round(√N) per side, so nx² atoms),
 * one LJ type with the given cutoff, no bonds, uniform random velocities with zero momentum scaled to kT.
 */
public record LjSystem(ParticleState state, Topology topology, ForceField forceField) {

    public static LjSystem lattice(int particles, double density, double cutoff, double kT, long seed) {
        if (particles < 4 || !(density > 0) || !(cutoff > 0)) {
            throw new IllegalArgumentException("need particles >= 4, density > 0 and cutoff > 0");
        }
        int nx = (int) Math.round(Math.sqrt(particles));
        double spacing = 1.0 / Math.sqrt(density);
        int n = nx * nx;
        ParticleState s = new ParticleState(n, nx * spacing, nx * spacing);
        for (int i = 0; i < n; i++) {
            s.x[i] = (i % nx) * spacing;
            s.y[i] = (i / nx) * spacing;
        }
        ForceField ff = new ForceField(List.of(new ParticleType("LJ", null, 1.0, 0, 1.0, 1.0, 1.0)),
                (a, b, order) -> null, cutoff);
        initialVelocities(s, kT, seed);
        return new LjSystem(s, new Topology(n), ff);
    }

    /**
     * Uniform velocities in [−½, ½) (LAMMPS's default "dist uniform"), total momentum removed, scaled so that
     * 2K / (2N − 2) = kT with m = 1: 2-D, two degrees of freedom removed by fixing the momentum.
     */
    static void initialVelocities(ParticleState s, double kT, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double px = 0;
        double py = 0;
        for (int i = 0; i < s.n; i++) {
            s.vx[i] = rnd.nextDouble() - 0.5;
            s.vy[i] = rnd.nextDouble() - 0.5;
            px += s.vx[i];
            py += s.vy[i];
        }
        double twiceK = 0;
        for (int i = 0; i < s.n; i++) {
            s.vx[i] -= px / s.n;
            s.vy[i] -= py / s.n;
            twiceK += s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i];
        }
        double scale = Math.sqrt(kT * (2.0 * s.n - 2) / twiceK);
        for (int i = 0; i < s.n; i++) {
            s.vx[i] *= scale;
            s.vy[i] *= scale;
        }
    }
}
