package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * live drill: the reliability drills of docs/reliability.md, on this machine only (child processes and loopback),
 * bounded in jobs and time, stopping by themselves. Each prints what it did and what it verified, and exits 1 when a
 * check fails.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Reliability drills (docs/reliability.md): faults injected on this machine, outcomes verified.",
        subcommands = {DrillCommand.Workers.class, DrillCommand.Server.class, DrillCommand.Races.class, DrillCommand.Tenancy.class})
final class DrillCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** live drill workers: drill 1, worker faults. */
    @Command(name = "workers", mixinStandardHelpOptions = true,
            description = {"Kill `live worker` processes (SIGKILL or SIGTERM, 1 to --max-kills times per job, at random "
                    + "steps) and start them again as AWS Batch would; verify every job succeeds byte-identical to an "
                    + "uninterrupted run and no interruption is recorded as a failure."})
    static final class Workers implements Callable<Integer> {
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
            check("--jobs", jobs, 1, 200);
            check("--max-kills", maxKills, 1, 10);
            check("--particles", particles, 50, 5000);
            check("--steps", steps, 2000, 10_000_000);
            check("--checkpoint-every", checkpointEvery, 100, steps);
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("live-drill-workers-");
            WorkerDrill.Result r = new WorkerDrill(new WorkerDrill.Settings(jobs, maxKills, particles, steps, checkpointEvery,
                    seed, where), System.out).run();
            summary(r);
            System.out.println("stores and logs: " + where);
            return r.ok() ? Main.OK : 1;
        }

        static void check(String option, long value, long min, long max) {
            if (value < min || value > max) {
                throw new BadInputException(option + ": " + value + " is out of range; allowed " + min + " to " + max);
            }
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
                    failedRecorded, median(recovery), recovery.length == 0 ? Double.NaN : recovery[recovery.length - 1], r.seconds());
            System.out.println(r.ok() ? "verified: every job succeeded, byte-identical, no interruption counted as a failure"
                    : "NOT VERIFIED: see the jobs marked FAILED above");
        }

        static double median(double[] sorted) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int m = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        }
    }

    /** live drill server: drill 2, server faults under load. */
    @Command(name = "server", mixinStandardHelpOptions = true,
            description = {"Start `live serve` (embedded: H2, local orchestrator) and clients that submit and poll jobs; kill -9 "
                    + "the server --kills times and restart it on the same data; verify every 201 ends succeeded and no job "
                    + "ran twice at once, and report each recovery to ready."})
    static final class Server implements Callable<Integer> {
        @Option(names = "--kills", defaultValue = "5", description = "kill -9 and restarts, 1-50 (default ${DEFAULT-VALUE}).")
        int kills;

        @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients, 1-64 (default ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--job-steps", defaultValue = "4000", description = "Steps of each submitted job (150 atoms), 100-1000000 (default ${DEFAULT-VALUE}).")
        long jobSteps;

        @Option(names = "--interval", defaultValue = "4", description = "Seconds between kills, 0.5-600 (default ${DEFAULT-VALUE}).")
        double interval;

        @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
        Path dir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Workers.check("--kills", kills, 1, 50);
            Workers.check("--clients", clients, 1, 64);
            Workers.check("--job-steps", jobSteps, 100, 1_000_000);
            if (!(interval >= 0.5 && interval <= 600)) {
                throw new BadInputException("--interval: " + interval + " is out of range; allowed 0.5 to 600");
            }
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("live-drill-server-");
            ServerDrill.Result r = new ServerDrill(new ServerDrill.Settings(kills, clients, jobSteps, interval, where), System.out).run();
            double[] rec = r.recoverySeconds().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "requests %d, jobs accepted (201) %d, submissions refused (4xx, limits) %d, lost %d, ran twice at once %d, 5xx %d, "
                            + "connection errors (server down) %d; kill to ready median %.2f s, max %.2f s; %.0f s%n",
                    r.requests(), r.accepted(), r.refused(), r.lost(), r.ranTwice(), r.serverErrors(), r.connectionErrors(),
                    Workers.median(rec), rec.length == 0 ? Double.NaN : rec[rec.length - 1], r.seconds());
            r.problems().forEach(p -> System.out.println("  problem: " + p));
            System.out.println(r.ok() ? "verified: every accepted job exists and succeeded, none ran twice at once, no 5xx"
                    : "NOT VERIFIED: see the problems above");
            System.out.println("data and server log: " + where);
            return r.ok() ? Main.OK : 1;
        }
    }

    /** live drill races: drill 4 (first part), the last free slot and idempotent submissions under concurrency. */
    @Command(name = "races", mixinStandardHelpOptions = true,
            description = {"Against the embedded server (Research tier: two parallel jobs, one held): rounds of --slot-racers "
                    + "concurrent submissions at the last free slot (exactly one may pass) and --idempotent-racers concurrent "
                    + "identical submissions with one idempotency key (exactly one job); no 5xx."})
    static final class Races implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "5", description = "Rounds, 1-9 (the tier's 20 jobs a day; default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--slot-racers", defaultValue = "50", description = "Concurrent submissions at the last slot, 2-500 (default ${DEFAULT-VALUE}).")
        int slotRacers;

        @Option(names = "--idempotent-racers", defaultValue = "100", description = "Concurrent identical submissions, 2-500 (default ${DEFAULT-VALUE}).")
        int idempotentRacers;

        @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
        Path dir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Workers.check("--rounds", rounds, 1, 9);
            Workers.check("--slot-racers", slotRacers, 2, 500);
            Workers.check("--idempotent-racers", idempotentRacers, 2, 500);
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("live-drill-races-");
            RaceDrill.Result r = new RaceDrill(new RaceDrill.Settings(rounds, slotRacers, idempotentRacers, where), System.out).run();
            System.out.printf(Locale.ROOT, "rounds %d: %d passed at the last slot (want %d), %d jobs from the idempotent races "
                    + "(want %d); answers by status %s; %.0f s%n", r.rounds(), r.slotPasses(), r.rounds(), r.idempotentJobs(),
                    r.rounds(), r.statuses(), r.seconds());
            r.problems().forEach(p -> System.out.println("  problem: " + p));
            System.out.println(r.ok() ? "verified: one pass per last slot, one job per idempotency key, no 5xx"
                    : "NOT VERIFIED: see the problems above");
            System.out.println("data and server log: " + where);
            return r.ok() ? Main.OK : 1;
        }
    }

    /** live drill tenancy: drill 6 (first part), another user's ids on every route, and no secret in any file. */
    @Command(name = "tenancy", mixinStandardHelpOptions = true,
            description = {"User B calls every id-taking route of the server's OpenAPI description, by every method, with user "
                    + "A's job and key ids (by API key and by access token): each must be 404; A's job and key stay "
                    + "untouched; no key, password or token appears in any file the server wrote."})
    static final class Tenancy implements Callable<Integer> {
        @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
        Path dir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("live-drill-tenancy-");
            TenancyDrill.Result r = new TenancyDrill(where, System.out).run();
            r.checked().forEach(c -> System.out.println("  " + c));
            r.problems().forEach(p -> System.out.println("  problem: " + p));
            System.out.printf(Locale.ROOT, "%d calls checked, %d problems; %.0f s%n", r.checked().size(), r.problems().size(), r.seconds());
            System.out.println(r.ok() ? "verified: every call on another user's job or key answered 404, nothing changed, no secret in any file"
                    : "NOT VERIFIED: see the problems above");
            return r.ok() ? Main.OK : 1;
        }
    }
}
