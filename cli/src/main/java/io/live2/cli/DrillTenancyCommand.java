package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill tenancy: drill 6 (first part), another user's ids on every route, and no secret in any file. */
@Command(name = "tenancy", mixinStandardHelpOptions = true,
        description = {"User B calls every id-taking route of the server's OpenAPI description, by every method, with user "
                + "A's job and key ids (by API key and by access token): each must be 404; A's job and key stay "
                + "untouched; no key, password or token appears in any file the server wrote."})
final class DrillTenancyCommand implements Callable<Integer> {
    @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path where = Drills.workDir(dir, "live-drill-tenancy-");
        TenancyDrill.Result r = new TenancyDrill(where, System.out).run();
        r.checked().forEach(c -> System.out.println("  " + c));
        System.out.printf(Locale.ROOT, "%d calls checked, %d problems; %.0f s%n", r.checked().size(), r.problems().size(), r.seconds());
        return Drills.verdict(r.problems(), "every call on another user's job or key answered 404, nothing changed, no secret in any file");
    }
}
