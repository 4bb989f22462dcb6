package io.live2.cli;

import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpecJson;
import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The fuzz drill's in-process targets: the job spec parser (JobSpecJson.parse, whose only allowed failure is
 * JobRejectedException) and the run config parser (ConfigLoader, as `live run --config` and POST /jobs use it, whose
 * only allowed failure is ConfigException; a fifth of its inputs go through CLI-style overrides). Each input runs on
 * a worker thread with a deadline, so a hang is a finding and not the drill's end. The mutator is the drill's own
 * (JsonMutator), not Jazzer's: the drill runs from the CLI without Jazzer's agent; the Jazzer targets
 * (JobSpecFuzzTest, ConfigFuzzTest, ApiBodyFuzzTest) replay their corpora in the suite.
 */
final class ParserFuzz {
    /** One in-process target: its name, seed document, and the call that must fail only with the allowed exception. */
    record Target(String name, String seed, Class<? extends RuntimeException> allowed, Consumer<byte[]> parse) {
    }

    record Finding(long index, JsonMutator.Mutant input, String what) {
    }

    record Outcome(long inputs, long accepted, long refused, long failed, List<Finding> findings, double seconds) {
    }

    private static final String[] OVERRIDE_PATHS = {"particles", "temperature", "steps", "seed", "output.snapshot_every",
        "pulses.kind", "preset", "open_chemistry.kinds", "composition", "output", ""};

    private ParserFuzz() {
    }

    static List<Target> targets() {
        String config = ConfigLoader.toJson(ConfigLoader.fromPreset("miller-urey"));
        JobSpec spec = new JobSpec(JobSpec.VERSION, "j_fuzz", "u_fuzz", "dev", ConfigLoader.fromPreset("miller-urey"),
                new JobSpec.Limits(3600, JobSpec.Capacity.SPOT, 2, 4096), 1000);
        return List.of(
                new Target("job spec parser (JobSpecJson.parse)", JobSpecJson.toJson(spec), JobRejectedException.class,
                        b -> JobSpecJson.parse(new String(b, StandardCharsets.UTF_8))),
                new Target("run config parser (ConfigLoader)", config, ConfigException.class, ParserFuzz::config));
    }

    /** Four in five: the document; one in five: the preset plus one override of an odd value, as --set would give. */
    private static void config(byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        int h = text.hashCode();
        if (Math.floorMod(h, 5) != 0) {
            ConfigLoader.fromJson(text);
            return;
        }
        Object value = switch (Math.floorMod(h >> 4, 4)) {
            case 0 -> text;
            case 1 -> (long) h;
            case 2 -> h % 2 == 0;
            default -> (double) h / 7;
        };
        ConfigLoader.resolve(null, Map.of(OVERRIDE_PATHS[Math.floorMod(h >> 8, OVERRIDE_PATHS.length)], value));
    }

    /**
     * Mutants of the target's seed for {@code nanos}; an input fails when the call throws anything but the allowed
     * exception, throws it without a one-line message, or runs past {@code timeoutSeconds}.
     */
    static Outcome run(Target t, int targetIndex, long seed, long nanos, int timeoutSeconds, int maxFindings) throws InterruptedException {
        JsonMutator mutator = new JsonMutator(t.seed(), seed, 1 << 20);
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        long inputs = 0;
        long accepted = 0;
        long failed = 0;
        ExecutorService worker = newWorker();
        try {
            while (System.nanoTime() - start < nanos) {
                JsonMutator.Mutant m = mutator.mutant(targetIndex, inputs);
                Future<Throwable> f = worker.submit(() -> {
                    try {
                        t.parse().accept(m.body());
                        return null;
                    } catch (Throwable e) { // every Throwable: a StackOverflowError is a finding, not the drill's end
                        return e;
                    }
                });
                Throwable thrown;
                try {
                    thrown = f.get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker(); // the stuck thread is a daemon and is left behind
                    thrown = new TimeoutException("no answer within " + timeoutSeconds + " s");
                } catch (ExecutionException e) {
                    thrown = e.getCause();
                }
                String problem = problem(t, thrown);
                if (thrown == null) {
                    accepted++;
                } else if (problem != null) {
                    failed++;
                    if (findings.size() < maxFindings) {
                        findings.add(new Finding(inputs, m, problem));
                    }
                }
                inputs++;
            }
        } finally {
            worker.shutdownNow();
        }
        return new Outcome(inputs, accepted, inputs - accepted - failed, failed, findings, (System.nanoTime() - start) / 1e9);
    }

    /** Null when the outcome is allowed: success, or the allowed exception with a non-blank one-line message. */
    static String problem(Target t, Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        if (!t.allowed().isInstance(thrown)) {
            return thrown.getClass().getName() + ": " + JobSpecJson.oneLine(String.valueOf(thrown.getMessage()));
        }
        String msg = thrown.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.allowed().getSimpleName() + " without a message";
        }
        if (msg.contains("\n") || msg.contains("\r")) {
            return t.allowed().getSimpleName() + " with a message of several lines: " + JobSpecJson.oneLine(msg);
        }
        return null;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-parser");
            th.setDaemon(true);
            return th;
        });
    }
}
