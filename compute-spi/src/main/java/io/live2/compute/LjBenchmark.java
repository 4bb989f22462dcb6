package io.live2.compute;

import io.live2.model.ParticleState;


/**
 * The 2-D Lennard-Jones benchmark of /work/shared/bench/lj2d.in (LAMMPS) in our units: the {@link LjSystem}
 * lattice at T* = 1 (kT = 1 kJ/mol, i.e. T = 1/K_B K), shifted LJ with the given cutoff, NVE velocity Verlet
 * with dt = 0.005. Only the step loop is timed, like LAMMPS's "Loop time".
 *
 * <p>One difference: LAMMPS runs with {@code neigh_modify every 20 check no} (rebuild every 20 steps blindly);
 * we rebuild when any atom moved more than skin/2, which never misses a pair. Inside the loop forces are computed
 * with {@link ComputeBackend#computeForcesOnly()}: energies are needed only at the start and the end (LAMMPS
 * computes them on its thermo steps, here every 1000), and a backend may skip them in between.
 */
public final class LjBenchmark {
    /** Time step in reduced units (LAMMPS's default for units lj). */
    public static final double DT = 0.005;

    /**
     * @param backend            the backend that ran, by its own name ("auto" resolved)
     * @param threads            threads asked for (a single-threaded backend such as "reference" uses one)
     * @param atoms              atoms simulated (a perfect square)
     * @param loopSeconds        wall time of the step loop
     * @param atomStepsPerSecond atoms × steps / loopSeconds
     * @param neighbourBuilds    neighbour-list builds during the run (including the first)
     * @param energyDrift        (E_end − E_start) / atoms, in ε per atom
     */
    public record Result(String backend, int threads, int atoms, long steps, double loopSeconds,
                         double atomStepsPerSecond, long neighbourBuilds, double energyDrift) {
        /** Human-readable report whose last line is {@code atom-steps/s: <number>}. */
        public String report() {
            return String.format("backend: %s threads: %d%natoms: %d steps: %d loop-seconds: %.4f%n"
                            + "neighbour-builds: %d energy-drift-per-atom: %.3e%natom-steps/s: %.0f",
                    backend, threads, atoms, steps, loopSeconds, neighbourBuilds, energyDrift, atomStepsPerSecond);
        }
    }

    private LjBenchmark() {
    }

    /** Runs the benchmark on the backend named (or "auto": the usable one {@link Backends#select} ranks first). */
    public static Result run(int particles, long steps, double density, double cutoff, double skin, String backend,
                             int threads) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        LjSystem system = LjSystem.lattice(particles, density, cutoff, 1.0, 87287);
        ParticleState s = system.state();
        int n = s.n;
        try (ComputeBackend b = Backends.create(backend, threads)) {
            b.bind(s, system.topology(), system.forceField(), new NeighborSettings(skin));
            double e0 = b.computeForces().potential() + b.kineticEnergy();
            double half = 0.5 * DT;
            long t0 = System.nanoTime();
            for (long step = 0; step < steps; step++) {
                b.kick(half);
                b.drift(DT);
                b.computeForcesOnly(); // energies are read only at the start and the end, like LAMMPS's thermo 1000
                b.kick(half);
            }
            // a read-back ends the timed loop: device backends enqueue steps without waiting for them
            double k1 = b.kineticEnergy();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double e1 = b.computeForces().potential() + k1;
            return new Result(b.name(), threads, n, steps, seconds, n * (double) steps / seconds, b.neighbourBuilds(),
                    (e1 - e0) / n);
        }
    }

    /** {@code java -cp ... io.live2.compute.LjBenchmark [atoms] [steps] [backend] [threads]}. */
    public static void main(String[] args) {
        int atoms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        String backend = args.length > 2 ? args[2] : "auto";
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.println(run(atoms, steps, 0.7, 2.5, 0.3, backend, threads).report());
    }
}
