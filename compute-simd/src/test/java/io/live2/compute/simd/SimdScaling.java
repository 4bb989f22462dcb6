package io.live2.compute.simd;

import io.live2.compute.LjBenchmark;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;

/**
 * Not a test: scaling and memory figures for docs/benchmarks.md.
 * <ul>
 *   <li>{@code SimdScaling scaling THREADS ATOMS...}: LjBenchmark (backend simd) at each size with about 2·10^7
 *       atom-steps each and at least 200 steps, printing ns per atom-step;</li>
 *   <li>{@code SimdScaling memory ATOMS}: heap in use after full GCs (Runtime total − free, three System.gc()
 *       calls) before anything is allocated, with the lj-fluid system built (state + topology), and with the
 *       simd backend bound and its neighbour list built (after one computeForces); divided by atoms.</li>
 * </ul>
 */
public final class SimdScaling {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("memory")) {
            memory(Integer.parseInt(args[1]));
            return;
        }
        int threads = Integer.parseInt(args[1]);
        for (int a = 2; a < args.length; a++) {
            int atoms = Integer.parseInt(args[a]);
            // at least 200 steps: 1,000,000 atoms then rebuilds its list ~every 8 steps, as the smaller sizes do
            long steps = Math.max(200, 20_000_000L / atoms);
            LjBenchmark.Result r = LjBenchmark.run(atoms, steps, 0.7, 2.5, 0.3, "simd", threads);
            System.out.printf("atoms %d steps %d threads %d: %.1f ns/atom-step (%.0f atom-steps/s, %d builds)%n",
                    r.atoms(), r.steps(), threads, 1e9 / r.atomStepsPerSecond(), r.atomStepsPerSecond(),
                    r.neighbourBuilds());
        }
    }

    static long used() throws InterruptedException {
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void memory(int atoms) throws Exception {
        // warm-up first so that its private system is garbage before the baseline
        try (SimdBackend b = new SimdBackend(1)) {
            LjSystem tiny = LjSystem.lattice(1024, 0.7, 2.5, 1.0, 1);
            b.bind(tiny.state(), tiny.topology(), tiny.forceField(), new NeighborSettings(0.3));
        }
        long base = used();
        LjSystem sys = LjSystem.lattice(atoms, 0.7, 2.5, 1.0, 87287);
        long withSystem = used();
        SimdBackend b = new SimdBackend(1);
        b.bind(sys.state(), sys.topology(), sys.forceField(), new NeighborSettings(0.3));
        b.computeForces();
        long withBackend = used();
        int n = sys.state().n;
        System.out.printf("atoms %d: system (state + topology) %.1f B/atom, simd backend with list %.1f B/atom, "
                        + "total %.1f B/atom%n", n, (withSystem - base) / (double) n,
                (withBackend - withSystem) / (double) n, (withBackend - base) / (double) n);
        System.out.println(b.neighbourBuilds() + " " + sys.state().fx[0]);
        b.close();
    }
}
