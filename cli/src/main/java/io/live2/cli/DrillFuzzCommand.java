package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill fuzz: drill 5 (hostile input), every JSON body of the API and the job spec and config parsers fuzzed. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Fuzz every API route that takes a body (read from the server's GET /openapi) over HTTP with seeded "
                + "mutants of a valid body, then the job spec and run config parsers in process, --minutes split evenly across "
                + "the targets. Every answer must be 2xx or 4xx in the error shape, never 5xx, never none within 10 s; every "
                + "parser failure the bad-input exception with a message. Failing inputs are saved under <dir>/reproducers."})
final class DrillFuzzCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "10", description = "Total fuzzing time, 1-600 min (default ${DEFAULT-VALUE}).")
    int minutes;

    /** The suite's short form: seconds instead of minutes. */
    @Option(names = "--seconds", hidden = true, description = "Total fuzzing time in seconds, 1-36000 (overrides --minutes).")
    Integer seconds;

    @Option(names = "--seed", defaultValue = "1", description = "The mutator's seed: the same seed gives the same inputs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", description = "Data directory, server log and reproducers (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--minutes", minutes, 1, 600);
        long total = minutes * 60L;
        if (seconds != null) {
            Drills.check("--seconds", seconds, 1, 36_000);
            total = seconds;
        }
        Path where = Drills.workDir(dir, "live-drill-fuzz-");
        FuzzDrill.Result r = new FuzzDrill(new FuzzDrill.Settings(total * 1_000_000_000L, seed, where), System.out).run();
        System.out.printf(Locale.ROOT, "fuzz drill: %d targets, %d inputs in %.0f s (%.0f/s); 5xx %d, no answer %d, 4xx without the "
                        + "error shape %d, parser failures %d, server log records with a stack trace %d%n", r.targets().size(), r.inputs(), r.seconds(),
                r.inputs() / r.seconds(), r.fiveXx(), r.noAnswer(), r.wrongShape(), r.parserFailures(), r.logStackTraceLines());
        System.out.println("data, server log and reproducers: " + where);
        return Drills.verdict(r.problems(), "every mutant answered 2xx or 4xx in the error shape within "
                + FuzzDrill.REQUEST_TIMEOUT_SECONDS + " s, every parser refusal the bad-input exception, the server still serving");
    }
}
