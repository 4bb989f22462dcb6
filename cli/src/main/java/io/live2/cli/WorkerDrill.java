package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Drill 1, worker faults (issue 16): each job runs as `live worker` processes against a file store; the drill kills
 * the worker 1 to maxKills times at random steps, each time by SIGKILL (a lost host: no checkpoint on the way out)
 * or SIGTERM (a spot reclaim notice: checkpoint, exit 3), and starts the same command again, as AWS Batch retries.
 * Verified per job: it ends succeeded; its final snapshot, trajectory and thermo.csv are byte-identical to the same
 * job run once without faults; every killed attempt is recorded as interrupted, never failed (an interruption does
 * not spend the retry budget, which counts failures).
 */
final class WorkerDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXIT_SECONDS = 300;

    record Settings(int jobs, int maxKills, int particles, long steps, long checkpointEvery, long seed, Path dir) {
    }

    record JobOutcome(String jobId, int sigkills, int sigterms, int attempts, boolean succeeded, boolean identical,
                      boolean failedRecorded, double[] recoverySeconds, String problem) {
        boolean ok() {
            return succeeded && identical && !failedRecorded && problem == null;
        }
    }

    record Result(List<JobOutcome> jobs, double seconds) {
        boolean ok() {
            return jobs.stream().allMatch(JobOutcome::ok);
        }
    }

    private final Settings settings;
    private final PrintStream out;

    WorkerDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<JobOutcome> outcomes = new ArrayList<>();
        out.printf(Locale.ROOT, "worker drill: %d jobs of %d atoms x %d steps (checkpoint every %d), 1-%d kills each, seed %d%n",
                settings.jobs(), settings.particles(), settings.steps(), settings.checkpointEvery(), settings.maxKills(), settings.seed());
        for (int j = 0; j < settings.jobs(); j++) {
            JobOutcome o = job(j, random.split());
            outcomes.add(o);
            out.printf(Locale.ROOT, "  %s: %d SIGKILL, %d SIGTERM, %d attempts, %s%s%n", o.jobId(), o.sigkills(), o.sigterms(),
                    o.attempts(), o.ok() ? "succeeded, byte-identical to the uninterrupted run" : "FAILED",
                    o.problem() == null ? "" : ": " + o.problem());
        }
        return new Result(outcomes, (System.nanoTime() - start) / 1e9);
    }

    private JobOutcome job(int index, SplittableRandom random) throws IOException, InterruptedException {
        String jobId = "drill-" + index;
        Path dir = settings.dir().resolve(jobId);
        Files.createDirectories(dir);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, spec(jobId, settings.seed() * 1000 + index));
        String prefix = "dev/drill/" + jobId + "/";

        // the reference: the same job, one worker, no faults
        Path whole = dir.resolve("store-whole");
        double runSeconds;
        try (WorkerProcess w = WorkerProcess.start(spec, whole.toUri().toString(), dir.resolve("work-whole"))) {
            w.awaitStep(0);
            long running = System.nanoTime();
            int rc = w.awaitExit(EXIT_SECONDS);
            runSeconds = (System.nanoTime() - running) / 1e9;
            if (rc != 0) {
                return failed(jobId, "the uninterrupted run exited " + rc + ":\n" + w.transcript());
            }
        }

        Path cut = dir.resolve("store-faults");
        // each kill lands a random time into an attempt's running (after its first progress line), up to 90 % of
        // what the whole run took, so at a random step; a resumed attempt has less left and may finish first
        int kills = 1 + random.nextInt(settings.maxKills());
        double[] delays = new double[kills];
        for (int k = 0; k < kills; k++) {
            delays[k] = runSeconds * (0.05 + 0.85 * random.nextDouble());
        }
        // the first within the first half, so a job is killed at least once unless its first attempt runs twice as fast
        delays[0] = Math.min(delays[0], 0.5 * runSeconds);
        int sigkills = 0;
        int sigterms = 0;
        int attempts = 0;
        List<Double> recovery = new ArrayList<>();
        boolean afterKill = false;
        for (double delay : delays) {
            String signal = random.nextBoolean() ? "KILL" : "TERM";
            attempts++;
            try (WorkerProcess w = WorkerProcess.start(spec, cut.toUri().toString(), dir.resolve("work-" + attempts))) {
                long at = w.awaitStep(0);
                if (afterKill && !Double.isNaN(w.secondsToFirstProgress())) {
                    recovery.add(w.secondsToFirstProgress());
                }
                if (at >= 0 && !w.exitsWithin(delay)) {
                    at = 1; // still running: the kill lands now
                } else {
                    at = -1;
                }
                if (at < 0) { // finished (or died) before its kill: nothing to kill
                    int rc = w.awaitExit(EXIT_SECONDS);
                    if (rc == 0) {
                        return verify(jobId, prefix, whole, cut, sigkills, sigterms, attempts, recovery);
                    }
                    return failed(jobId, "attempt " + attempts + " exited " + rc + " before its kill:\n" + w.transcript());
                }
                w.signal(signal);
                int rc = w.awaitExit(EXIT_SECONDS);
                if (rc == 0) { // the signal came as the run ended (it had exited, or exited first): nothing interrupted
                    return verify(jobId, prefix, whole, cut, sigkills, sigterms, attempts, recovery);
                }
                boolean expected = signal.equals("KILL") ? rc == 137 : rc == WorkerCommand.INTERRUPTED;
                if (!expected) {
                    return failed(jobId, "attempt " + attempts + " after SIG" + signal + " exited " + rc
                            + ":\n" + w.transcript());
                }
                if (ended(cut.resolve(prefix + "status.json"))) {
                    // the job had finished (status written) and the worker was on its way out: not an interruption
                    return verify(jobId, prefix, whole, cut, sigkills, sigterms, attempts, recovery);
                }
                if (signal.equals("KILL")) {
                    sigkills++;
                } else {
                    sigterms++;
                }
                afterKill = true;
            }
        }
        attempts++;
        try (WorkerProcess w = WorkerProcess.start(spec, cut.toUri().toString(), dir.resolve("work-" + attempts))) {
            int rc = w.awaitExit(EXIT_SECONDS);
            if (!Double.isNaN(w.secondsToFirstProgress())) {
                recovery.add(w.secondsToFirstProgress());
            }
            if (rc != 0) {
                return failed(jobId, "the last attempt exited " + rc + ":\n" + w.transcript());
            }
        }
        return verify(jobId, prefix, whole, cut, sigkills, sigterms, attempts, recovery);
    }

    private JobOutcome verify(String jobId, String prefix, Path whole, Path cut, int sigkills, int sigterms, int attempts,
                              List<Double> recovery) throws IOException {
        JsonNode status = JSON.readTree(cut.resolve(prefix + "status.json").toFile());
        boolean succeeded = status.path("state").asText().equals("succeeded");
        boolean failedRecorded = false;
        int interrupted = 0;
        for (JsonNode h : status.path("history")) {
            failedRecorded |= h.path("to").asText().equals("failed");
            interrupted += h.path("to").asText().equals("interrupted") ? 1 : 0;
        }
        String last = String.format(Locale.ROOT, "snapshots/snapshot_%09d.json", settings.steps());
        List<String> differing = new ArrayList<>();
        for (String name : List.of(last, "trajectory.xyz", "thermo.csv")) {
            Path a = whole.resolve(prefix + name);
            Path b = cut.resolve(prefix + name);
            if (!Files.isRegularFile(a) || !Files.isRegularFile(b) || Files.mismatch(a, b) != -1) {
                differing.add(name);
            }
        }
        String problem = null;
        if (status.path("attempt").asInt() != attempts) {
            problem = "status.json says attempt " + status.path("attempt").asInt() + ", the drill ran " + attempts;
        } else if (interrupted != sigkills + sigterms) {
            problem = "history records " + interrupted + " interruptions for " + (sigkills + sigterms) + " kills";
        } else if (!differing.isEmpty()) {
            problem = "differs from the uninterrupted run: " + differing;
        }
        double[] rec = recovery.stream().mapToDouble(Double::doubleValue).toArray();
        return new JobOutcome(jobId, sigkills, sigterms, attempts, succeeded, differing.isEmpty(), failedRecorded, rec, problem);
    }

    private static boolean ended(Path status) throws IOException {
        return Files.isRegularFile(status) && JSON.readTree(status.toFile()).path("state").asText().equals("succeeded");
    }

    private static JobOutcome failed(String jobId, String problem) {
        return new JobOutcome(jobId, 0, 0, 0, false, false, false, new double[0], problem);
    }

    private String spec(String jobId, long seed) {
        return """
                {"version": 1, "job_id": "%s", "user_id": "drill", "environment": "dev",
                 "simulation": {"preset": "miller-urey", "particles": %d, "steps": %d, "seed": %d,
                                "output": {"snapshot_every": %d, "trajectory_every": %d}},
                 "limits": {"max_runtime_seconds": 3600, "capacity": "spot", "vcpus": 1, "memory_mib": 1024},
                 "checkpoint_every": %d}
                """.formatted(jobId, settings.particles(), settings.steps(), seed, settings.checkpointEvery(),
                settings.checkpointEvery(), settings.checkpointEvery());
    }
}
