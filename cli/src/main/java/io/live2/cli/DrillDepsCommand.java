package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill deps: drill 3, dependency faults (PostgreSQL stopped, Redis killed, the artifact store's disk full). */
@Command(name = "deps", mixinStandardHelpOptions = true,
        description = {"The embedded server on a PostgreSQL cluster, a redis-server and a tmpfs artifact store of the drill's "
                + "own (needs root for the tmpfs, PostgreSQL 15 binaries and redis-server): PostgreSQL stopped, then Redis "
                + "killed, while --clients submit and poll jobs; then the artifact disk filled. Verifies readiness, 503 with "
                + "Retry-After, nothing half-written or lost, no other 5xx, recovery without a restart, and a full disk "
                + "ending a job failed, never succeeded."})
final class DrillDepsCommand implements Callable<Integer> {
    @Option(names = "--pg-down-seconds", defaultValue = "30", description = "How long PostgreSQL stays stopped, 1-600 (default ${DEFAULT-VALUE}).")
    int pgDownSeconds;

    @Option(names = "--redis-down-seconds", defaultValue = "15", description = "How long Redis stays down, 1-600 (default ${DEFAULT-VALUE}).")
    int redisDownSeconds;

    @Option(names = "--clients", defaultValue = "4", description = "Clients submitting and polling jobs, 1-50 (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--job-steps", defaultValue = "4000", description = "Steps of each 150-atom job, 100-1000000 (default ${DEFAULT-VALUE}).")
    int jobSteps;

    @Option(names = "--artifacts-mib", defaultValue = "256", description = "Size of the artifact store's tmpfs, MiB, 16-4096 (default ${DEFAULT-VALUE}).")
    int artifactsMib;

    @Option(names = "--dir", description = "Data directory and logs (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--pg-down-seconds", pgDownSeconds, 1, 600);
        Drills.check("--redis-down-seconds", redisDownSeconds, 1, 600);
        Drills.check("--clients", clients, 1, 50);
        Drills.check("--job-steps", jobSteps, 100, 1_000_000);
        Drills.check("--artifacts-mib", artifactsMib, 16, 4096);
        Path where = Drills.workDir(dir, "live-drill-deps-");
        DepsDrill.Result r = new DepsDrill(new DepsDrill.Settings(pgDownSeconds, redisDownSeconds, clients, jobSteps,
                artifactsMib, where), System.out).run();
        for (DepsDrill.Outage o : r.outages()) {
            System.out.printf(Locale.ROOT, "%s: down %.1f s; ready non-200 after %.2f s; back to ready 200 %.2f s after it "
                    + "returned; %d requests while down, by status %s, answered in median %.0f ms, max %.0f ms%n", o.dependency(),
                    o.seconds(), o.toNotReady(), o.backToReady(), o.requests(), o.statuses(), o.medianMillis(), o.maxMillis());
        }
        System.out.printf(Locale.ROOT, "jobs: %d named by answers, %d succeeded with results, %d lost, %d half-written, "
                + "%d submissions retried with their key; other 5xx: %d; full-disk job: %s; %.0f s%n", r.jobs(), r.succeeded(),
                r.lost(), r.halfWritten(), r.retried(), r.fiveXx(), r.fullDiskJob(), r.seconds());
        System.out.println("answers by window and status: " + r.statuses());
        System.out.println("data and logs: " + where);
        return Drills.verdict(r.problems(), "503 with Retry-After while PostgreSQL was down and ready again without a restart; "
                + "Redis down degraded to in-process limits without 5xx; nothing lost or half-written; a full disk failed its job");
    }
}
