package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill replays: drill 4 (second part), Stripe webhooks redelivered and out of order, callbacks replayed. */
@Command(name = "replays", mixinStandardHelpOptions = true,
        description = {"Plays Stripe and a worker against the server: each Stripe event delivered --redeliveries times at "
                + "once, and out of order, must change the account once and leave it as Stripe has it; a worker's "
                + "callback replayed inside or outside its window, or re-pointed at another job, must be refused and "
                + "change nothing."})
final class DrillReplaysCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", description = "Accounts, each through checkout, upgrade and a job's callbacks, 1 to 20 (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--redeliveries", defaultValue = "10", description = "Times each event and callback is delivered, 2 to 200 (default: ${DEFAULT-VALUE}).")
    int redeliveries;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the delivery order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", description = "Secrets, data directory and server log (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--rounds", rounds, 1, 20);
        Drills.check("--redeliveries", redeliveries, 2, 200);
        Path where = Drills.workDir(dir, "live-drill-replays-");
        ReplayDrill.Result r = new ReplayDrill(where, rounds, redeliveries, seed, System.out).run();
        System.out.printf(Locale.ROOT, "webhook deliveries: %d (%d applied, %d duplicates, %d answered 409 while the first was handled)%n",
                r.deliveries(), r.applied(), r.duplicates(), r.inProgress());
        System.out.printf(Locale.ROOT, "callbacks: %d: %s%n", r.callbacks(), r.callbackOutcomes());
        System.out.printf(Locale.ROOT, "5xx: %d; %.0f s%n", r.serverErrors(), r.seconds());
        return Drills.verdict(r.problems(), "every Stripe event applied once however often and in whatever order it came, "
                + "every account as Stripe has it; replayed, stale and re-pointed callbacks refused, every job succeeded; no secret in any file");
    }
}
