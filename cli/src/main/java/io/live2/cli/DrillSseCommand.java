package io.live2.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** live drill sse: drill 5 (second part), many open event streams beside ordinary requests, and the per-user limit. */
@Command(name = "sse", mixinStandardHelpOptions = true,
        description = {"Check the per-user stream limit at its default (the 21st stream of a user is refused 429, other users "
                + "pass), then hold --connections open Server-Sent Events streams of a running job (the limit raised, up to "
                + "10,000 per user) while an ordinary client's --probes requests (GET /jobs, every fifth a job submission), spread over "
                + "--hold-seconds, must all be answered; reports their latency alone and beside the streams, the time to open them, the server's memory "
                + "and threads, and that the job's progress reaches every stream."})
final class DrillSseCommand implements Callable<Integer> {
    @Option(names = "--connections", defaultValue = "10000", description = "Open streams, 1-50000 (default ${DEFAULT-VALUE}); "
            + "each needs an open file in this process and one in the server's (ulimit -n).")
    int connections;

    @Option(names = "--probes", defaultValue = "100", description = "Ordinary requests in each phase, 5-10000 (default ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--hold-seconds", defaultValue = "60", description = "How long the streams are held open, the ordinary "
            + "requests beside them spread over it, 1-3600 s (default ${DEFAULT-VALUE}).")
    int holdSeconds;

    @Option(names = "--dir", description = "Data directories and server logs (default: a new temporary directory, kept).")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Drills.check("--connections", connections, 1, 50_000);
        Drills.check("--probes", probes, 5, 10_000);
        Drills.check("--hold-seconds", holdSeconds, 1, 3600);
        SseDrill.checkFileLimit(connections);
        Path where = Drills.workDir(dir, "live-drill-sse-");
        SseDrill.Result r = new SseDrill(new SseDrill.Settings(connections, probes, holdSeconds, where), System.out).run();
        System.out.println(describe(r));
        System.out.println("data and server logs: " + where);
        return Drills.verdict(r.problems(), "the 21st stream refused, other users unaffected; " + r.connections()
                + " streams open and fed, every ordinary request answered, no 5xx");
    }

    static String describe(SseDrill.Result r) {
        long perConnection = r.connections() == 0 || r.with().rssKib() < 0 ? -1
                : (r.with().rssKib() - r.before().rssKib()) * 1024 / r.connections();
        long heapPerConnection = r.connections() == 0 || r.with().heapUsedKib() < 0 ? -1
                : (r.with().heapUsedKib() - r.before().heapUsedKib()) * 1024 / r.connections();
        return String.format(Locale.ROOT, "streams %d (%d users): opened %d in %.1f s (first event median %.0f ms, max %.0f ms), refused %d, "
                        + "failed %d; held %.0f s, ended by the server %d, still open %d, fewest pings %d; progress reached %d of %d "
                        + "streams of the job; ordinary GET /jobs alone median %.1f ms (max %.1f), beside median %.1f ms (max %.1f); "
                        + "POST /jobs alone median %.1f ms (max %.1f), beside median %.1f ms (max %.1f); failed %d; 5xx %d; server RSS "
                        + "%d -> %d MiB (%d bytes a stream), heap after GC %d -> %d MiB (%d bytes a stream), threads %d -> %d; %.0f s",
                r.connections(), r.users(), r.opened(), r.openSeconds(), r.settleMedianMs(), r.settleMaxMs(), r.refused(), r.failed(),
                r.heldSeconds(), r.endedByServer(), r.stillOpen(), r.pingsMin(), r.progressReached(), r.onJob(),
                SseDrill.median(r.alone().getMillis()), SseDrill.max(r.alone().getMillis()), SseDrill.median(r.beside().getMillis()),
                SseDrill.max(r.beside().getMillis()), SseDrill.median(r.alone().postMillis()), SseDrill.max(r.alone().postMillis()),
                SseDrill.median(r.beside().postMillis()), SseDrill.max(r.beside().postMillis()),
                r.alone().failures() + r.beside().failures(), r.fiveHundreds(), r.before().rssKib() / 1024, r.with().rssKib() / 1024,
                perConnection, r.before().heapUsedKib() / 1024, r.with().heapUsedKib() / 1024, heapPerConnection, r.before().threads(),
                r.with().threads(), r.seconds());
    }
}
