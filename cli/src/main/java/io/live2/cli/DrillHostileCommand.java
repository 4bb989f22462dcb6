package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** live drill hostile: drill 5 (first part), oversized bodies and slow-loris clients against the server. */
@Command(name = "hostile", mixinStandardHelpOptions = true,
        description = {"Send --oversized bodies over limits.max_body_bytes at once (each must be refused: 413 or closed, "
                + "never 5xx), then hold --slow-clients connections trickling headers a byte a second for --slow-seconds "
                + "while an ordinary client's --probes requests must all be answered; reports their latency alone and beside "
                + "the slow clients."})
final class DrillHostileCommand implements Callable<Integer> {
    @Option(names = "--oversized", defaultValue = "20", description = "Oversized bodies sent at once, 1-200 (default ${DEFAULT-VALUE}).")
    int oversized;

    @Option(names = "--slow-clients", defaultValue = "500", description = "Slow-loris connections, 1-5000 (default ${DEFAULT-VALUE}).")
    int slowClients;

    @Option(names = "--slow-seconds", defaultValue = "15", description = "How long they trickle, 1-600 s (default ${DEFAULT-VALUE}).")
    int slowSeconds;

    @Option(names = "--probes", defaultValue = "100", description = "Ordinary requests in each phase, 1-10000 (default ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--dir", description = "Data directory and server log (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--oversized", oversized, 1, 200);
        Drills.check("--slow-clients", slowClients, 1, 5000);
        Drills.check("--slow-seconds", slowSeconds, 1, 600);
        Drills.check("--probes", probes, 1, 10_000);
        Path where = Drills.workDir(dir, "live-drill-hostile-");
        HostileDrill.Result r = new HostileDrill(new HostileDrill.Settings(oversized, slowClients, slowSeconds, probes, where),
                System.out).run();
        System.out.println(HostileDrill.describe(r));
        System.out.println("data and server log: " + where);
        return Drills.verdict(r.problems(), "every oversized body refused, no 5xx, every ordinary request answered beside the slow clients");
    }
}
