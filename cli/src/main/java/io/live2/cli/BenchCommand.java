package io.live2.cli;

import io.live2.compute.LjBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * live bench lj: the 2-D LJ benchmark of shared/bench/lj2d.in, so `./live bench lj` and `lammps-lj.sh` can be run
 * side by side. The last line is always {@code atom-steps/s: <number>}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmarks. 'live bench lj' runs the 2-D Lennard-Jones fluid of shared/bench/lj2d.in.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SYSTEM", description = "lj (the only benchmark system so far)")
    String system;

    @Option(names = "--particles", required = true, paramLabel = "N", description = "Atoms (rounded to a square: nx*nx).")
    int particles;

    @Option(names = "--steps", required = true, paramLabel = "S", description = "Time steps.")
    long steps;

    @Option(names = "--density", paramLabel = "RHO", defaultValue = "0.7", description = "Reduced density (default ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--cutoff", paramLabel = "RC", defaultValue = "2.5", description = "LJ cutoff in σ (default ${DEFAULT-VALUE}).")
    double cutoff;

    @Option(names = "--skin", paramLabel = "SKIN", defaultValue = "0.3", description = "Neighbour skin in σ (default ${DEFAULT-VALUE}).")
    double skin;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "auto",
            description = "auto|cpu|reference|simd|opencl|aparapi (default ${DEFAULT-VALUE}: the fastest usable one, as for run).")
    String backend;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (!"lj".equals(system)) {
            throw new BadInputException("SYSTEM: unknown benchmark '" + system + "'; allowed: lj");
        }
        check(particles >= 4 && particles <= 20_000_000, "--particles", particles, "4..20000000");
        check(steps >= 1 && steps <= 100_000_000L, "--steps", steps, "1..100000000");
        check(density > 0 && density <= 1.2, "--density", density, "(0, 1.2]");
        check(cutoff >= 1 && cutoff <= 10, "--cutoff", cutoff, "1..10");
        check(skin >= 0 && skin <= 5, "--skin", skin, "0..5");
        check(threads >= 1 && threads <= 256, "--threads", threads, "1..256");
        double box = Math.round(Math.sqrt(particles)) / Math.sqrt(density);
        if (cutoff + skin >= box / 2) {
            throw new BadInputException("--particles: " + particles + " gives a box of " + String.format("%.2f", box)
                    + " σ, too small for cutoff + skin = " + (cutoff + skin) + " (needs box > 2·(cutoff + skin)); use more particles");
        }
        LjBenchmark.Result r = LjBenchmark.run(particles, steps, density, cutoff, skin, backend, threads);
        System.out.println(r.report());
        return Main.OK;
    }

    private static void check(boolean ok, String field, Object value, String range) {
        if (!ok) {
            throw new BadInputException(field + ": " + value + " is out of range; allowed " + range);
        }
    }
}
