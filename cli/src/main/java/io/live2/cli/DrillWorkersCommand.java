package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill workers: drill 1, worker faults. */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = {"Kill `live worker` processes (SIGKILL or SIGTERM, 1 to --max-kills times per job, at random "
                + "steps) and start them again as AWS Batch would; verify every job succeeds byte-identical to an "
                + "uninterrupted run and no interruption is recorded as a failure."})
final class DrillWorkersCommand implements Callable<Integer> {
    @Option(names = "--jobs", defaultValue = "20", description = "Jobs, 1-200 (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--max-kills", defaultValue = "3", description = "Most kills per job, 1-10 (default ${DEFAULT-VALUE}).")
    int maxKills;

    @Option(names = "--particles", defaultValue = "200", description = "Atoms per job, 50-5000 (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--steps", defaultValue = "20000", description = "Steps per job, 2000-10000000 (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--checkpoint-every", defaultValue = "1000", description = "Steps between checkpoints, 100 up to --steps (default ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill schedule and the jobs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", description = "Where the stores and work directories go (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--jobs", jobs, 1, 200);
        Drills.check("--max-kills", maxKills, 1, 10);
        Drills.check("--particles", particles, 50, 5000);
        Drills.check("--steps", steps, 2000, 10_000_000);
        Drills.check("--checkpoint-every", checkpointEvery, 100, steps);
        Path where = Drills.workDir(dir, "live-drill-workers-");
        WorkerDrill.Result r = new WorkerDrill(new WorkerDrill.Settings(jobs, maxKills, particles, steps, checkpointEvery,
                seed, where), System.out).run();
        summary(r);
        System.out.println("stores and logs: " + where);
        return r.ok() ? Main.OK : 1;
    }

    private static void summary(WorkerDrill.Result r) {
        int kills = 0;
        int sigkills = 0;
        int attempts = 0;
        long ok = 0;
        long identical = 0;
        long failedRecorded = 0;
        double[] recovery = r.jobs().stream().flatMapToDouble(j -> Arrays.stream(j.recoverySeconds())).sorted().toArray();
        for (WorkerDrill.JobOutcome j : r.jobs()) {
            kills += j.sigkills() + j.sigterms();
            sigkills += j.sigkills();
            attempts += j.attempts();
            ok += j.succeeded() ? 1 : 0;
            identical += j.identical() ? 1 : 0;
            failedRecorded += j.failedRecorded() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "jobs %d, kills %d (%d SIGKILL, %d SIGTERM), worker processes %d; succeeded %d, lost %d, "
                        + "byte-identical %d, interruptions recorded as failures %d; restart to first progress median %.2f s, max %.2f s; %.0f s%n",
                r.jobs().size(), kills, sigkills, kills - sigkills, attempts, ok, r.jobs().size() - ok, identical,
                failedRecorded, Drills.median(recovery), recovery.length == 0 ? Double.NaN : recovery[recovery.length - 1], r.seconds());
        System.out.println(r.ok() ? "verified: every job succeeded, byte-identical, no interruption counted as a failure"
                : "NOT VERIFIED: see the jobs marked FAILED above");
    }
}
