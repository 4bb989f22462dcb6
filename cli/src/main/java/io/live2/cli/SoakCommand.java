package io.live2.cli;

import io.live2.engine.Soak;
import io.live2.model.config.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * live soak: long runs of the reactive presets over many seeds, each checked at the end (elements, valence, finite
 * state, energy ledger). Prints a line per finished run and a summary; writes soak.json to --out. Exit 0 when every
 * run finished and kept its invariants, 1 otherwise. docs/validation.md records the figures of the full soak.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run presets x seeds for many steps and check every run's invariants at the end.")
final class SoakCommand implements Callable<Integer> {
    /** The presets with reactions; lj-fluid has none to soak. */
    static final List<String> REACTIVE = List.of("miller-urey", "hydrothermal", "formamide", "open-chemistry");

    @Option(names = "--presets", split = ",", paramLabel = "P,P", description = "Presets (default: the reactive ones: ${DEFAULT-VALUE}).",
            defaultValue = "miller-urey,hydrothermal,formamide,open-chemistry")
    List<String> presets;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "Seeds per preset (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "K", defaultValue = "1", description = "First seed (default ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--steps", paramLabel = "S", defaultValue = "500000", description = "Steps per run (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--particles", paramLabel = "N", defaultValue = "800", description = "Atoms per run (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs at a time, one thread each (default: the processor count).")
    Integer jobs;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "auto", description = "Backend (default ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--ledger-tolerance", paramLabel = "X", defaultValue = "0.02",
            description = "Largest |energy residual| / energy turnover a run may show (default ${DEFAULT-VALUE}).")
    double ledgerTolerance;

    @Option(names = "--max-displacement", paramLabel = "X",
            description = "Override the presets' max_displacement (sigma units), e.g. 1 to see runs without sub-steps.")
    Double maxDisplacement;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/soak", description = "Where the runs and soak.json go (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        List<Soak.Case> cases = Soak.cases(presets, firstSeed, seeds);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Soak.Settings settings = new Soak.Settings(steps, particles, backend, ledgerTolerance, Math.max(1, steps / 10),
                maxDisplacement == null ? Map.of() : Map.of("max_displacement", maxDisplacement));
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "soak: %d runs (%s x %d seeds from %d), %d steps, %d atoms, %d at a time, backend %s%n",
                cases.size(), String.join(",", presets), seeds, firstSeed, steps, particles, threads, backend);
        o.println(Row.HEADER);
        long start = System.nanoTime();
        List<Soak.Outcome> outcomes = Soak.run(cases, settings, out, threads, x -> o.println(Row.of(x)));
        double wall = (System.nanoTime() - start) / 1e9;
        List<Soak.Outcome> bad = outcomes.stream().filter(x -> !x.passed()).toList();
        double worst = outcomes.stream().mapToDouble(Soak.Outcome::ledgerError).max().orElse(0);
        o.printf(Locale.ROOT, "soak: %d of %d runs passed in %.0f s; worst ledger error %.3g (tolerance %.3g)%n",
                outcomes.size() - bad.size(), outcomes.size(), wall, worst, ledgerTolerance);
        for (Soak.Outcome x : bad) {
            o.println("  " + x.c().name() + " " + x.status() + ": " + String.join("; ", x.problems()));
        }
        write(outcomes, settings, wall);
        return bad.isEmpty() ? Main.OK : Main.FAILURE;
    }

    private void validate() {
        for (String p : presets) {
            if (!Presets.names().contains(p)) {
                throw new BadInputException("--presets: '" + p + "' is not a preset; known: " + String.join(", ", Presets.names()));
            }
        }
        range("--seeds", seeds, 1, 10_000);
        range("--steps", steps, 1, 10_000_000_000L);
        range("--particles", particles, 1, 2_000_000);
        if (jobs != null) {
            range("--jobs", jobs, 1, 256);
        }
        if (!(ledgerTolerance > 0 && ledgerTolerance <= 1)) {
            throw new BadInputException("--ledger-tolerance: " + ledgerTolerance + " is out of range; allowed 0 < X <= 1");
        }
        if (maxDisplacement != null && !(maxDisplacement >= 0.001 && maxDisplacement <= 1)) {
            throw new BadInputException("--max-displacement: " + maxDisplacement + " is out of range; allowed 0.001..1");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out: " + out + " is a file, not a directory");
        }
    }

    private static void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new BadInputException(option + ": " + value + " is out of range; allowed " + min + ".." + max);
        }
    }

    private void write(List<Soak.Outcome> outcomes, Soak.Settings settings, double wall) throws IOException {
        Path report = Soak.writeReport(out, outcomes, settings, wall);
        System.out.println("soak: details in " + report);
    }

    /** One printed line per run. */
    private static final class Row {
        static final String HEADER = String.format(Locale.ROOT, "%-24s %-10s %10s %6s %8s %9s %9s %6s %10s",
                "run", "status", "steps", "atoms", "wall s", "split %", "extra %", "max", "ledger");

        static String of(Soak.Outcome x) {
            double steps = Math.max(1, x.steps());
            return String.format(Locale.ROOT, "%-24s %-10s %10d %6d %8.1f %9.2f %9.2f %6d %10.3g",
                    x.c().name(), x.status(), x.steps(), x.atoms(), x.wallSeconds(), 100 * x.stepsSplit() / steps,
                    100 * x.substepsExtra() / steps, x.substepsMax(), x.ledgerError());
        }
    }
}
