package io.live2.compute.cpu;

import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;

/**
 * Not a test: a main that compares the threaded backend's two LJ kernels inside one JVM, alternating them on
 * the same lj-fluid configuration (list built once, atoms at rest), so that machine noise hits both alike.
 * Run after {@code ./mvnw -o -q -B -pl compute-spi -am test-compile}:
 * {@code java -cp core-model/target/classes:compute-spi/target/classes:compute-spi/target/test-classes
 * io.live2.compute.cpu.KernelProbe 10000 [threads]}
 */
public final class KernelProbe {
    private KernelProbe() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        LjSystem sys = LjSystem.lattice(n, 0.7, 2.5, 1.0, 87287);
        try (ThreadedBackend b = new ThreadedBackend(threads)) {
            b.bind(sys.state(), sys.topology(), sys.forceField(), new NeighborSettings(0.3));
            b.computeForces();
            for (int s = 0; s < 100; s++) { // leave the lattice so that the cells fill as in a fluid
                b.kick(0.0025);
                b.drift(0.005);
                b.computeForces();
                b.kick(0.0025);
            }
            b.rebuildNeighbourList();
            int warmup = 5;
            int rounds = 30;
            int reps = Math.max(5, 2_000_000 / n);
            ThreadedBackend.Kernel[] kernels = {ThreadedBackend.Kernel.GATHER, ThreadedBackend.Kernel.PAIR_SLOTS};
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] sum = new double[2];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    b.useKernel(kernels[k]);
                    long t0 = System.nanoTime();
                    for (int q = 0; q < reps; q++) {
                        b.computeForces();
                    }
                    double us = (System.nanoTime() - t0) / 1e3 / reps;
                    if (r >= warmup) {
                        best[k] = Math.min(best[k], us);
                        sum[k] += us;
                    }
                }
            }
            int counted = rounds - warmup;
            System.out.printf("atoms %d threads %d: gather best %.0f mean %.0f us; pair-slots best %.0f mean %.0f us;"
                    + " gather/pair-slots (means) %.2f%n", n, threads, best[0], sum[0] / counted, best[1],
                    sum[1] / counted, sum[0] / sum[1]);
        }
    }
}
