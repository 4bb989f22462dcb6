package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill urls: drill 6 (signed artifact URLs), genuine, tampered and expired. */
@Command(name = "urls", mixinStandardHelpOptions = true,
        description = {"Users A and B each own a finished job. A's signed artifact URLs must give A's bytes, and be "
                + "refused (403, never B's bytes) when re-pointed at B's job, walked out of A's prefix, given a later "
                + "expiry or another signature, and once their validity (--validity) has passed."})
final class DrillUrlsCommand implements Callable<Integer> {
    @Option(names = "--validity", defaultValue = "60", description = "The server's jobs.artifact_url_seconds, 60 to 3600; the drill waits it out (default: ${DEFAULT-VALUE}).")
    int validity;

    @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--validity", validity, 60, 3600);
        Path where = Drills.workDir(dir, "live-drill-urls-");
        UrlDrill.Result r = new UrlDrill(where, validity, System.out).run();
        r.outcomes().forEach((what, n) -> System.out.printf(Locale.ROOT, "  %s: %d%n", what, n));
        System.out.printf(Locale.ROOT, "%d URLs checked, waited %.0f s for the expiry, %d problems; %.0f s%n",
                r.urls(), r.waitedSeconds(), r.problems().size(), r.seconds());
        return Drills.verdict(r.problems(), "every genuine URL gave the listed bytes; every re-pointed, walked, extended, "
                + "re-signed and expired URL was refused with 403");
    }
}
