package io.live2.cli;

import io.live2.compute.Backends;
import io.live2.engine.RunResult;
import io.live2.engine.Simulation;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** live run: resolve a preset or config file with flag overrides, run it, write the run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a simulation from a preset or a JSON config and write a run directory.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--preset", paramLabel = "NAME", description = "Preset to run (see 'live presets').")
    String preset;

    @Option(names = "--config", paramLabel = "FILE.json", description = "JSON config; may name a preset and override its fields.")
    Path config;

    @Option(names = "--particles", paramLabel = "N", description = "Atom count; the composition is scaled keeping its ratios.")
    Integer particles;

    @Option(names = "--steps", paramLabel = "S", description = "Number of time steps.")
    Long steps;

    @Option(names = "--seed", paramLabel = "K", description = "Random seed.")
    Long seed;

    @Option(names = "--temperature", paramLabel = "KELVIN", description = "Temperature in K.")
    Double temperature;

    @Option(names = "--backend", paramLabel = "B", description = "auto|cpu|reference|simd|opencl|aparapi")
    String backend;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<preset>-<time>).")
    Path out;

    @Option(names = "--snapshot-every", paramLabel = "S", description = "Steps between snapshots.")
    Long snapshotEvery;

    @Option(names = "--checkpoint-every", paramLabel = "S", description = "Steps between checkpoints.")
    Long checkpointEvery;

    @Option(names = "--ensemble", paramLabel = "nvt|nve", description = "nvt (Langevin, BAOAB) or nve (velocity Verlet).")
    String ensemble;

    @Override
    public Integer call() throws IOException {
        SimulationConfig cfg = resolve();
        // checked here, before the simulation creates the run directory: a bad choice leaves nothing behind
        Backends.select(cfg.backend());
        Path dir = out != null ? OutDirectory.check(out) : defaultDirectory(cfg);
        if (Files.isDirectory(dir.resolve("checkpoints")) && !isEmpty(dir.resolve("checkpoints"))) {
            throw new BadInputException("--out: " + dir + " already holds a run; continue it with 'live resume "
                    + dir + "' or choose another --out");
        }
        Path runDir = dir;
        RunResult result = Interrupts.run(
                () -> Simulation.builder().config(cfg).runDirectory(runDir).observer(ProgressDisplay.create(System.err)).build(),
                "interrupted while setting up the run, before its first checkpoint: nothing was saved; start the same "
                        + "'live run' again (" + dir + " can be reused)", System.err);
        Summary.print(result, System.out);
        return Main.OK;
    }

    private SimulationConfig resolve() throws IOException {
        String json = null;
        if (config != null) {
            json = ConfigFile.read(config);
        }
        if (json == null && preset == null) {
            throw new BadInputException("give --preset NAME or --config FILE.json (see 'live presets' for the presets)");
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        put(overrides, "preset", preset);
        put(overrides, "particles", particles);
        put(overrides, "steps", steps);
        put(overrides, "seed", seed);
        put(overrides, "temperature", temperature);
        put(overrides, "backend", backend);
        put(overrides, "threads", threads);
        put(overrides, "ensemble", ensemble);
        put(overrides, "output.snapshot_every", snapshotEvery);
        put(overrides, "output.checkpoint_every", checkpointEvery);
        return ConfigLoader.resolve(json, overrides);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Path defaultDirectory(SimulationConfig cfg) {
        String name = cfg.preset() != null ? cfg.preset() : "run";
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = Path.of("runs", name + "-" + stamp);
        for (int k = 2; Files.exists(p); k++) {
            p = Path.of("runs", name + "-" + stamp + "-" + k);
        }
        return p;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
