package io.live2.compute.simd;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.engine.RunResult;
import io.live2.engine.Simulation;
import io.live2.model.ForceField;
import io.live2.model.build.InitialSystem;
import io.live2.model.build.SystemBuilder;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Side-by-side timing of "cpu" and "simd" on a chemistry preset (not a test): whole engine runs (forces, bonded
 * terms, reactions, pulses, analysis-free) in one JVM, alternating cpu, simd, cpu, simd, ... so that machine noise
 * hits both alike; prints each pair's simd/cpu wall-time ratio and their median, and checks that both runs ended in
 * the same state (the backends are bit-identical). The first pair is a warm-up for both and is not counted.
 * {@code SimdChemistryProbe [PRESET] [PARTICLES] [STEPS] [PAIRS] [THREADS]}, defaults miller-urey 1000 5000 5 1.
 */
public final class SimdChemistryProbe {
    public static void main(String[] args) throws IOException {
        String preset = args.length > 0 ? args[0] : "miller-urey";
        int particles = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long steps = args.length > 2 ? Long.parseLong(args[2]) : 5000;
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        SimulationConfig config = ConfigLoader.resolve(null,
                Map.of("preset", preset, "particles", particles, "steps", steps, "threads", threads));
        if (Boolean.getBoolean("parts")) {
            parts(config, threads, pairs);
            return;
        }
        double[] ratios = new double[pairs];
        for (int p = 0; p <= pairs; p++) {
            Timed cpu = run(config, Backends.create("cpu", threads));
            Timed simd = run(config, Backends.create("simd", threads));
            if (!Arrays.equals(cpu.x, simd.x) || !Arrays.equals(cpu.vx, simd.vx)) {
                throw new AssertionError("cpu and simd runs ended in different states");
            }
            double ratio = simd.seconds / cpu.seconds;
            System.out.printf("%s pair %d: cpu %.2f s, simd %.2f s, simd/cpu %.3f%n",
                    p == 0 ? "warm-up" : "timed", p, cpu.seconds, simd.seconds, ratio);
            if (p > 0) {
                ratios[p - 1] = ratio;
            }
        }
        Arrays.sort(ratios);
        System.out.printf("%s, %d atoms requested, %d steps, %d thread(s): median simd/cpu %.3f over %d pairs%n",
                preset, particles, steps, threads, ratios[pairs / 2], pairs);
    }

    /**
     * With -Dparts=true: the backend parts alone on the preset's initial system, alternating in one JVM: simd
     * forces only, simd list build + forces, cpu forces (cpu has no forces-only path), cpu list build + forces; median microseconds.
     */
    private static void parts(SimulationConfig config, int threads, int rounds) {
        InitialSystem a = SystemBuilder.build(config);
        InitialSystem b = SystemBuilder.build(config);
        ForceField ff = SystemBuilder.forceField(a, config);
        NeighborSettings settings = new NeighborSettings(config.skin());
        try (SimdBackend simd = new SimdBackend(threads); ComputeBackend cpu = Backends.create("cpu", threads)) {
            simd.bind(a.state(), a.topology(), ff, settings);
            cpu.bind(b.state(), b.topology(), ff, settings);
            for (int r = 0; r < rounds; r++) {
                double simdForces = micros(2000, simd::computeForcesOnly);
                double simdBuild = micros(200, () -> { simd.topologyChanged(); simd.computeForcesOnly(); });
                double cpuForces = micros(2000, cpu::computeForces);
                double cpuBuild = micros(200, () -> { cpu.topologyChanged(); cpu.computeForces(); });
                System.out.printf("round %d: us simd forces-only %.1f build+forces %.1f | cpu forces %.1f build+forces %.1f%n",
                        r, simdForces, simdBuild, cpuForces, cpuBuild);
            }
        }
    }

    private static double micros(int reps, Runnable part) {
        long t0 = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            part.run();
        }
        return (System.nanoTime() - t0) / 1e3 / reps;
    }

    record Timed(double seconds, double[] x, double[] vx) {
    }

    private static Timed run(SimulationConfig config, ComputeBackend backend) throws IOException {
        try (backend; Simulation sim = Simulation.builder().config(config).backend(backend).build()) {
            long t0 = System.nanoTime();
            RunResult ignored = sim.run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Timed(seconds, sim.state().x.clone(), sim.state().vx.clone());
        }
    }
}
