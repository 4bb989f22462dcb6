package io.live2.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill 5, hostile clients, first part (issue 16): against the embedded server, (a) bodies over
 * limits.max_body_bytes, several at once, must get 413 and never a 5xx; (b) while slow-loris clients hold many
 * connections open, trickling a request's headers a byte at a time, an ordinary client's requests must still be
 * answered, and the drill measures their latency beside the same requests with no slow clients.
 */
final class HostileDrill {
    private static final int MAX_BODY = 1_048_576; // limits.max_body_bytes, the default the drill's config keeps

    record Settings(int oversized, int slowClients, double slowSeconds, int probes, Path dir) {
    }

    record Result(int oversized413, int oversizedClosed, int oversizedOther, int slowOpened, int slowClosedByServer, double[] quietMillis,
                  double[] underAttackMillis, int probeFailures, List<String> problems, double seconds) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HostileDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.firstStart(settings.dir(), Drills.researchServerConfig(1));
        List<String> problems = new ArrayList<>();
        try {
            String jobs = server.url + "/api/v1/jobs";
            // (a) oversized bodies, all at once
            AtomicInteger rejected = new AtomicInteger();
            AtomicInteger closedEarly = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            byte[] big = new byte[MAX_BODY + 1];
            Arrays.fill(big, (byte) ' ');
            big[0] = '{';
            big[big.length - 1] = '}';
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < settings.oversized(); i++) {
                senders.add(Thread.ofVirtual().start(() -> {
                    try {
                        int s = http.send(HttpRequest.newBuilder(URI.create(jobs)).header("X-API-Key", server.firstKey)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (s == 413 ? rejected : other).incrementAndGet();
                        if (s >= 500) {
                            synchronized (problems) {
                                problems.add("an oversized body got " + s);
                            }
                        }
                    } catch (IOException e) {
                        closedEarly.incrementAndGet(); // the server closed the connection on the oversized body: refused too
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread t : senders) {
                t.join();
            }
            if (other.get() > 0) {
                problems.add(other.get() + " oversized bodies were not refused with 413");
            }

            // (b) an ordinary client, first alone, then beside the slow-loris clients
            double[] quiet = probe(server);
            URI u = URI.create(server.url);
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < settings.slowClients(); i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5000);
                s.getOutputStream().write(("POST /api/v1/jobs HTTP/1.1\r\nHost: " + u.getHost() + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            AtomicInteger closed = new AtomicInteger();
            Thread trickle = Thread.ofVirtual().start(() -> {
                long end = System.nanoTime() + (long) (settings.slowSeconds() * 1e9);
                while (System.nanoTime() < end) {
                    for (Socket s : slow) {
                        if (!s.isClosed()) {
                            try {
                                OutputStream o = s.getOutputStream();
                                o.write('a');
                                o.flush();
                            } catch (IOException e) {
                                closed.incrementAndGet(); // the server gave up on this client
                                try {
                                    s.close();
                                } catch (IOException ignored) {
                                    // already gone
                                }
                            }
                        }
                    }
                    try {
                        Thread.sleep(1000); // a byte a second per connection: the slow-loris pattern itself
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            double[] underAttack = probe(server);
            trickle.join();
            for (Socket s : slow) {
                s.close();
            }
            int failures = (int) (Arrays.stream(underAttack).filter(Double::isNaN).count() + Arrays.stream(quiet).filter(Double::isNaN).count());
            if (failures > 0) {
                problems.add(failures + " ordinary requests failed");
            }
            return new Result(rejected.get(), closedEarly.get(), other.get(), slow.size(), closed.get(), quiet, underAttack, failures, problems,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            server.stop(60);
        }
    }

    /** The ordinary client: GET /api/v1/jobs, one after another; each latency in ms (NaN for a failed request), sorted. */
    private double[] probe(ServerProcess server) throws InterruptedException {
        double[] ms = new double[settings.probes()];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            try {
                int s = http.send(HttpRequest.newBuilder(URI.create(server.url + "/api/v1/jobs")).header("X-API-Key", server.firstKey)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                ms[i] = s == 200 ? (System.nanoTime() - t) / 1e6 : Double.NaN;
            } catch (IOException e) {
                ms[i] = Double.NaN;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "oversized bodies: %d answered 413, %d refused by closing, %d otherwise; slow-loris clients %d, "
                        + "%d closed by the server meanwhile; ordinary GET /jobs alone median %.1f ms, max %.1f ms; beside the slow "
                        + "clients median %.1f ms, max %.1f ms; failed %d; %.0f s",
                r.oversized413(), r.oversizedClosed(), r.oversizedOther(), r.slowOpened(), r.slowClosedByServer(), Drills.median(finite(r.quietMillis())),
                max(r.quietMillis()), Drills.median(finite(r.underAttackMillis())), max(r.underAttackMillis()), r.probeFailures(), r.seconds());
    }

    private static double[] finite(double[] a) {
        return Arrays.stream(a).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    private static double max(double[] a) {
        return Arrays.stream(a).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }
}
