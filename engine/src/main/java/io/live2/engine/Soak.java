package io.live2.engine;

import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Long runs across presets and seeds, each checked at the end with {@link RunChecks}: the evidence that a run
 * which starts also finishes (`live soak`, and a short version in the test suite). Each case is a real run with a
 * run directory (checkpoints every {@code checkpointEvery} steps, one final snapshot, no trajectory), so a failure
 * leaves its logs/failure.json and a checkpoint to replay it from.
 */
public final class Soak {
    /** One run of the soak. */
    public record Case(String preset, long seed) {
        public String name() {
            return preset + "-seed" + seed;
        }
    }

    /**
     * How one case ended.
     *
     * @param status      succeeded, or failed (the run stopped) or violated (it finished but broke an invariant)
     * @param problems    the failure message or the broken invariants
     * @param ledgerError |energy residual| / energy turnover (see {@link RunChecks#ledgerError})
     */
    public record Outcome(Case c, String status, long steps, int atoms, double wallSeconds, double ledgerError,
                          long stepsSplit, long substepsExtra, long substepsMax, double energyInjected,
                          double bathHeat, double residual, double meanTemperature, List<String> problems) {
        public boolean passed() {
            return "succeeded".equals(status);
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("preset", c.preset());
            m.put("seed", c.seed());
            m.put("status", status);
            m.put("steps", steps);
            m.put("atoms", atoms);
            m.put("wall_seconds", wallSeconds);
            m.put("ledger_error", ledgerError);
            m.put("energy_injected", energyInjected);
            m.put("energy_bath_heat", bathHeat);
            m.put("energy_residual", residual);
            m.put("mean_temperature", meanTemperature);
            m.put("steps_split", stepsSplit);
            m.put("substeps_extra", substepsExtra);
            m.put("substeps_max", substepsMax);
            m.put("problems", problems);
            return m;
        }
    }

    /**
     * @param steps           steps per run
     * @param particles       atoms per run (the preset's composition scaled)
     * @param backend         backend name (auto picks as `live run` does)
     * @param ledgerTolerance largest allowed {@link RunChecks#ledgerError}
     * @param checkpointEvery steps between checkpoints
     * @param overrides       further config fields by path ("max_displacement", "pulses.energy"), applied last
     */
    public record Settings(long steps, int particles, String backend, double ledgerTolerance, long checkpointEvery,
                           Map<String, Object> overrides) {
        public Settings {
            overrides = Map.copyOf(overrides);
        }
    }

    private Soak() {
    }

    /** Every preset × seed, {@code seeds} seeds from {@code firstSeed}. */
    public static List<Case> cases(List<String> presets, long firstSeed, int seeds) {
        List<Case> out = new ArrayList<>();
        for (String p : presets) {
            for (long s = firstSeed; s < firstSeed + seeds; s++) {
                out.add(new Case(p, s));
            }
        }
        return out;
    }

    /**
     * Runs the cases on {@code jobs} threads (each run single-threaded, so runs do not share cores), reporting each
     * outcome as it ends; returns them in case order.
     */
    public static List<Outcome> run(List<Case> cases, Settings settings, Path root, int jobs, Consumer<Outcome> onEnd)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    Outcome o = runOne(c, settings, root.resolve(c.name()));
                    synchronized (onEnd) {
                        onEnd.accept(o);
                    }
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("soak case crashed outside the run: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One case: the run, then the invariants. Never throws for a failed run: that is an outcome. */
    public static Outcome runOne(Case c, Settings settings, Path dir) throws IOException {
        SimulationConfig cfg = config(c, settings);
        long start = System.nanoTime();
        try (Simulation sim = Simulation.builder().config(cfg).runDirectory(dir).build()) {
            String status;
            List<String> problems;
            try {
                sim.run();
                problems = RunChecks.violations(sim, settings.ledgerTolerance());
                status = problems.isEmpty() ? "succeeded" : "violated";
            } catch (SimulationFailedException e) {
                problems = List.of(e.getMessage());
                status = "failed";
            }
            RunLedger l = sim.ledger();
            double wall = (System.nanoTime() - start) / 1e9;
            boolean finished = !"failed".equals(status); // a failed run's energies are not finite
            return new Outcome(c, status, sim.step(), sim.state().n, wall,
                    finished ? RunChecks.ledgerError(sim) : Double.NaN, l.stepsSplit(), l.substepsExtra(),
                    l.substepsMax(), l.energyInjected(), l.bathHeat(),
                    finished ? l.energyResidual(sim.totalEnergy()) : Double.NaN, l.meanTemperature(), problems);
        }
    }

    /** Writes soak.json (settings, wall time, every outcome) into root; returns its path. */
    public static Path writeReport(Path root, List<Outcome> outcomes, Settings settings, double wallSeconds)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("steps", settings.steps());
        doc.put("particles", settings.particles());
        doc.put("backend", settings.backend());
        doc.put("ledger_tolerance", settings.ledgerTolerance());
        doc.put("overrides", new java.util.TreeMap<>(settings.overrides()));
        doc.put("wall_seconds", wallSeconds);
        doc.put("runs", outcomes.stream().map(Outcome::toJson).toList());
        java.nio.file.Files.createDirectories(root);
        Path file = root.resolve("soak.json");
        RunDirectory.writeJsonFile(file, doc);
        return file;
    }

    static SimulationConfig config(Case c, Settings settings) {
        Map<String, Object> over = new LinkedHashMap<>();
        over.put("preset", c.preset());
        over.put("seed", c.seed());
        over.put("steps", settings.steps());
        over.put("particles", settings.particles());
        over.put("backend", settings.backend());
        over.put("threads", 1);
        over.put("output.snapshot_every", settings.steps());
        over.put("output.checkpoint_every", settings.checkpointEvery());
        over.put("output.trajectory_every", 0);
        over.putAll(settings.overrides());
        return ConfigLoader.resolve(null, over);
    }
}
