package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill server: drill 2, server faults under load. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Start `live serve` (embedded: H2, local orchestrator) and clients that submit and poll jobs; kill -9 "
                + "the server --kills times and restart it on the same data; verify every 201 ends succeeded and no job "
                + "ran twice at once, and report each recovery to ready."})
final class DrillServerCommand implements Callable<Integer> {
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
        Drills.check("--kills", kills, 1, 50);
        Drills.check("--clients", clients, 1, 64);
        Drills.check("--job-steps", jobSteps, 100, 1_000_000);
        if (!(interval >= 0.5 && interval <= 600)) {
            throw new BadInputException("--interval: " + interval + " is out of range; allowed 0.5 to 600");
        }
        Path where = Drills.workDir(dir, "live-drill-server-");
        ServerDrill.Result r = new ServerDrill(new ServerDrill.Settings(kills, clients, jobSteps, interval, where), System.out).run();
        double[] rec = r.recoverySeconds().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "requests %d, jobs accepted (201) %d, submissions refused (4xx, limits) %d, lost %d, ran twice at once %d, 5xx %d, "
                        + "connection errors (server down) %d; kill to ready median %.2f s, max %.2f s; %.0f s%n",
                r.requests(), r.accepted(), r.refused(), r.lost(), r.ranTwice(), r.serverErrors(), r.connectionErrors(),
                Drills.median(rec), rec.length == 0 ? Double.NaN : rec[rec.length - 1], r.seconds());
        System.out.println("data and server log: " + where);
        return Drills.verdict(r.problems(), "every accepted job exists and succeeded, none ran twice at once, no 5xx");
    }
}
