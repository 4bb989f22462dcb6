package io.live2.compute;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 2-D Lennard-Jones benchmark of /work/shared/bench/lj2d.in (LAMMPS) in our units: σ = 1 nm, ε = 1 kJ/mol,
 * m = 1 u, so LJ reduced units map 1:1 onto nm, kJ/mol, u and ps-derived time. A square lattice at density ρ
 * (spacing 1/√ρ, nx = round(√N) atoms per side), uniform random velocities with zero momentum scaled to
 * T* = 1 (kT = 1 kJ/mol; 2N − 2 degrees of freedom, as LAMMPS counts them in 2-D), shifted LJ with the given
 * cutoff, NVE velocity Verlet with dt = 0.005. Only the step loop is timed, like LAMMPS's "Loop time".
 *
 * <p>One difference: LAMMPS runs with {@code neigh_modify every 20 check no} (rebuild every 20 steps blindly);
 * we rebuild when any atom moved more than skin/2, which never misses a pair.
 */
public final class LjBenchmark {
    /** Time step in reduced units (LAMMPS's default for units lj). */
    public static final double DT = 0.005;

    /**
     * @param atoms              atoms simulated (a perfect square)
     * @param loopSeconds        wall time of the step loop
     * @param atomStepsPerSecond atoms × steps / loopSeconds
     * @param neighbourBuilds    neighbour-list builds during the run (including the first)
     * @param energyDrift        (E_end − E_start) / atoms, in ε per atom
     */
    public record Result(int atoms, long steps, double loopSeconds, double atomStepsPerSecond, long neighbourBuilds,
                         double energyDrift) {
        /** Human-readable report whose last line is {@code atom-steps/s: <number>}. */
        public String report(String backend, int threads) {
            return String.format("backend: %s threads: %d%natoms: %d steps: %d loop-seconds: %.4f%n"
                            + "neighbour-builds: %d energy-drift-per-atom: %.3e%natom-steps/s: %.0f",
                    backend, threads, atoms, steps, loopSeconds, neighbourBuilds, energyDrift, atomStepsPerSecond);
        }
    }

    private LjBenchmark() {
    }

    public static Result run(int particles, long steps, double density, double cutoff, double skin, String backend,
                             int threads) {
        if (particles < 4 || steps < 1 || !(density > 0) || !(cutoff > 0)) {
            throw new IllegalArgumentException("need particles >= 4, steps >= 1, density > 0 and cutoff > 0");
        }
        int nx = (int) Math.round(Math.sqrt(particles));
        double spacing = 1.0 / Math.sqrt(density);
        double box = nx * spacing;
        int n = nx * nx;
        ParticleState s = new ParticleState(n, box, box);
        for (int i = 0; i < n; i++) {
            s.x[i] = (i % nx) * spacing;
            s.y[i] = (i / nx) * spacing;
        }
        ForceField ff = new ForceField(List.of(new ParticleType("LJ", null, 1.0, 0, 1.0, 1.0, 1.0)),
                (a, b, order) -> null, cutoff);
        initialVelocities(s, 1.0, 87287);
        try (ComputeBackend b = Backends.create(backend, threads)) {
            b.bind(s, new Topology(n), ff, new NeighborSettings(skin));
            double e0 = b.computeForces().potential() + b.kineticEnergy();
            double half = 0.5 * DT;
            long t0 = System.nanoTime();
            for (long step = 0; step < steps; step++) {
                b.kick(half);
                b.drift(DT);
                b.computeForces();
                b.kick(half);
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double e1 = b.computeForces().potential() + b.kineticEnergy();
            return new Result(n, steps, seconds, n * (double) steps / seconds, b.neighbourBuilds(), (e1 - e0) / n);
        }
    }

    /** Uniform velocities in [−½, ½), total momentum removed, scaled so that 2K/(2N − 2) = kT (m = 1). */
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

    /** {@code java -cp ... io.live2.compute.LjBenchmark [atoms] [steps] [backend] [threads]}. */
    public static void main(String[] args) {
        int atoms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        String backend = args.length > 2 ? args[2] : "cpu";
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.println(run(atoms, steps, 0.7, 2.5, 0.3, backend, threads).report(backend, threads));
    }
}
