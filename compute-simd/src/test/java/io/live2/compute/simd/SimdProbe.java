package io.live2.compute.simd;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;

/**
 * In-process timing of the parts of a step on the lj-fluid lattice (not a test): force evaluation with and without
 * energies, list build, cpu's force evaluation for comparison, alternating so that machine noise hits all alike.
 * {@code SimdProbe ATOMS [THREADS] [ROUNDS]}.
 */
public final class SimdProbe {
    public static void main(String[] args) {
        int atoms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LjSystem sys = LjSystem.lattice(atoms, 0.7, 2.5, 1.0, 87287);
        LjSystem sys2 = LjSystem.lattice(atoms, 0.7, 2.5, 1.0, 87287);
        // move the atoms off the lattice a little (a few NVE steps) so lists look like a fluid's
        try (SimdBackend simd = new SimdBackend(threads); ComputeBackend cpu = Backends.create("cpu", threads)) {
            simd.bind(sys.state(), sys.topology(), sys.forceField(), new NeighborSettings(0.3));
            cpu.bind(sys2.state(), sys2.topology(), sys2.forceField(), new NeighborSettings(0.3));
            for (int s = 0; s < 200; s++) {
                simd.kick(0.0025);
                simd.drift(0.005);
                simd.computeForces();
                simd.kick(0.0025);
                cpu.kick(0.0025);
                cpu.drift(0.005);
                cpu.computeForces();
                cpu.kick(0.0025);
            }
            int reps = Math.max(3, 2_000_000 / atoms);
            double[] tF = new double[rounds];
            double[] tFo = new double[rounds];
            double[] tB = new double[rounds];
            double[] tC = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    simd.computeForces();
                }
                long t1 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    simd.computeForcesOnly();
                }
                long t2 = System.nanoTime();
                for (int k = 0; k < Math.max(1, reps / 4); k++) {
                    simd.rebuildNeighbourList();
                }
                long t3 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    cpu.computeForces();
                }
                long t4 = System.nanoTime();
                tF[r] = (t1 - t0) / 1e3 / reps;
                tFo[r] = (t2 - t1) / 1e3 / reps;
                tB[r] = (t3 - t2) / 1e3 / Math.max(1, reps / 4);
                tC[r] = (t4 - t3) / 1e3 / reps;
            }
            System.out.printf("atoms %d threads %d lanes %d: median us  simd forces+energies %.0f  simd forces-only %.0f"
                            + "  simd build %.0f  cpu forces+energies %.0f%n", sys.state().n, threads, simd.lanes(),
                    median(tF), median(tFo), median(tB), median(tC));
        }
    }

    static double median(double[] a) {
        double[] c = a.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
