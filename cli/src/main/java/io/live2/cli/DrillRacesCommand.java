package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill races: drill 4 (first part), the last free slot and idempotent submissions under concurrency. */
@Command(name = "races", mixinStandardHelpOptions = true,
        description = {"Against the embedded server (Research tier: two parallel jobs, one held): rounds of --slot-racers "
                + "concurrent submissions at the last free slot (exactly one may pass) and --idempotent-racers concurrent "
                + "identical submissions with one idempotency key (exactly one job); no 5xx."})
final class DrillRacesCommand implements Callable<Integer> {
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
        Drills.check("--rounds", rounds, 1, 9);
        Drills.check("--slot-racers", slotRacers, 2, 500);
        Drills.check("--idempotent-racers", idempotentRacers, 2, 500);
        Path where = Drills.workDir(dir, "live-drill-races-");
        RaceDrill.Result r = new RaceDrill(new RaceDrill.Settings(rounds, slotRacers, idempotentRacers, where), System.out).run();
        System.out.printf(Locale.ROOT, "rounds %d: %d passed at the last slot (want %d), %d jobs from the idempotent races "
                + "(want %d); answers by status %s; %.0f s%n", r.rounds(), r.slotPasses(), r.rounds(), r.idempotentJobs(),
                r.rounds(), r.statuses(), r.seconds());
        System.out.println("data and server log: " + where);
        return Drills.verdict(r.problems(), "one pass per last slot, one job per idempotency key, no 5xx");
    }
}
