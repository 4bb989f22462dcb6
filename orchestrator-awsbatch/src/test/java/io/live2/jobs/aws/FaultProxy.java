package io.live2.jobs.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP proxy in front of S3Mock (test code): every request goes to the upstream unchanged, except
 * that, by a seeded schedule, some are answered 500 InternalError or 503 SlowDown (S3's throttling answer) without
 * reaching it, and some are forwarded after a delay (a slow store). {@link #outage} switches to "every request
 * fails" (a permanent outage) at the first request that matches a condition (mid-run).
 *
 * <p>Counts are kept so that tests can prove retries happened: injected faults, delays, and the SDK's own account of
 * its attempts (the {@code amz-sdk-request: attempt=N; max=M} header of every request it sends).
 */
final class FaultProxy implements AutoCloseable {
    /**
     * What the proxy does to requests, drawn per request from a seeded generator. At most {@code maxErrorsInARow}
     * consecutive requests get an injected error (the next is forwarded): the SDK gives a request 4 attempts, and a
     * longer run of errors is an outage, which {@link #outage} injects on purpose.
     */
    record Schedule(long seed, double errorFraction, double delayFraction, Duration minDelay, Duration maxDelay,
                    int maxErrorsInARow) {
        static final Schedule NONE = new Schedule(0, 0, 0, Duration.ZERO, Duration.ZERO, 0);
    }

    /** A request as the proxy saw it: what an outage condition looks at. */
    record Seen(String method, String path, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Headers the JDK client sets itself (or refuses): not copied from the incoming request. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI upstream;
    private volatile Schedule schedule = Schedule.NONE;
    private SplittableRandom random = new SplittableRandom(0);
    private volatile Predicate<Seen> outageWhen;
    private volatile boolean outage;
    private volatile int outageStatus = 503;

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger errors500 = new AtomicInteger();
    final AtomicInteger errors503 = new AtomicInteger();
    final AtomicInteger delays = new AtomicInteger();
    final AtomicInteger outageAnswers = new AtomicInteger();
    /** Requests the SDK marked as a retry (attempt > 1), and the largest attempt number and "max" it announced. */
    final AtomicInteger sdkRetries = new AtomicInteger();
    final AtomicInteger maxAttemptSeen = new AtomicInteger();
    final Map<String, Integer> sdkMaxAttempts = new ConcurrentHashMap<>();
    final AtomicLong delayedMillis = new AtomicLong();
    private int errorsInARow;

    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool); // a delayed request must not hold up the others
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a schedule (and its generator) afresh; counters keep counting. */
    synchronized void schedule(Schedule s) {
        schedule = s;
        random = new SplittableRandom(s.seed());
        errorsInARow = 0;
    }

    /**
     * From the first request that matches {@code when} on (that one included), every request fails: 503 SlowDown
     * (throttling to the SDK: it backs off longer) or 500 InternalError.
     */
    void outage(Predicate<Seen> when, int status) {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("status: " + status + " must be 500 or 503");
        }
        outageStatus = status;
        outageWhen = when;
    }

    /** The outage is over: requests reach the store again (under the schedule). */
    void endOutage() {
        outageWhen = null;
        outage = false;
    }

    boolean inOutage() {
        return outage;
    }

    int faults() {
        return errors500.get() + errors503.get();
    }

    private enum Action { FORWARD, ERROR_500, ERROR_503, DELAY }

    private synchronized long[] draw() {
        Schedule s = schedule;
        double r = random.nextDouble();
        long delay = s.minDelay().toMillis() + (s.maxDelay().compareTo(s.minDelay()) > 0
                ? random.nextLong(s.maxDelay().toMillis() - s.minDelay().toMillis() + 1) : 0);
        Action a;
        if (r < s.errorFraction()) {
            a = random.nextBoolean() ? Action.ERROR_500 : Action.ERROR_503;
            if (++errorsInARow > s.maxErrorsInARow()) {
                a = Action.FORWARD;
                errorsInARow = 0;
            }
        } else if (r < s.errorFraction() + s.delayFraction()) {
            a = Action.DELAY;
        } else {
            a = Action.FORWARD;
        }
        if (a == Action.FORWARD || a == Action.DELAY) {
            errorsInARow = 0;
        }
        return new long[] {a.ordinal(), delay};
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            noteSdkAttempt(ex.getRequestHeaders().getFirst("amz-sdk-request"));
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes(); // read before answering: the client may still be sending
            }
            Predicate<Seen> when = outageWhen;
            if (!outage && when != null && when.test(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), body))) {
                outage = true;
            }
            if (outage) {
                outageAnswers.incrementAndGet();
                if (outageStatus == 503) {
                    error(ex, 503, "SlowDown", "Please reduce your request rate. (injected: permanent outage)");
                } else {
                    error(ex, 500, "InternalError", "We encountered an internal error. Please try again. (injected: permanent outage)");
                }
                return;
            }
            long[] d = draw();
            switch (Action.values()[(int) d[0]]) {
                case ERROR_500 -> {
                    errors500.incrementAndGet();
                    error(ex, 500, "InternalError", "We encountered an internal error. Please try again. (injected)");
                    return;
                }
                case ERROR_503 -> {
                    errors503.incrementAndGet();
                    error(ex, 503, "SlowDown", "Please reduce your request rate. (injected)");
                    return;
                }
                case DELAY -> {
                    delays.incrementAndGet();
                    delayedMillis.addAndGet(d[1]);
                    Thread.sleep(d[1]); // the injected slow response itself, not a test waiting for timing
                }
                case FORWARD -> { }
            }
            forward(ex, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void noteSdkAttempt(String header) {
        // "attempt=2; max=4" (the SDK's retry bookkeeping, sent with every attempt)
        if (header == null) {
            return;
        }
        for (String part : header.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("attempt")) {
                int attempt = Integer.parseInt(kv[1].trim());
                if (attempt > 1) {
                    sdkRetries.incrementAndGet();
                }
                maxAttemptSeen.accumulateAndGet(attempt, Math::max);
            } else if (kv.length == 2 && kv[0].equals("max")) {
                sdkMaxAttempts.merge(kv[1].trim(), 1, Integer::sum);
            }
        }
    }

    private void forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        URI target = URI.create(upstream + ex.getRequestURI().toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(ex.getRequestMethod(), body.length == 0 && !ex.getRequestMethod().equals("PUT")
                        && !ex.getRequestMethod().equals("POST") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                for (String v : h.getValue()) {
                    b.header(h.getKey(), v);
                }
            }
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        r.headers().map().forEach((k, vs) -> {
            String lk = k.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lk) && !lk.equals(":status") && !lk.equals("date")) {
                ex.getResponseHeaders().put(k, vs);
            }
        });
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) {
            // a HEAD answer has no body, but the object's length belongs in it (the SDK reads it as the size)
            r.headers().firstValue("content-length").ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
        }
        byte[] out = r.body();
        ex.sendResponseHeaders(r.statusCode(), head || out.length == 0 ? -1 : out.length);
        if (!head && out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault-proxy</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1); // a HEAD answer carries no body
            return;
        }
        ex.sendResponseHeaders(status, xml.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(xml);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        client.close();
    }
}
