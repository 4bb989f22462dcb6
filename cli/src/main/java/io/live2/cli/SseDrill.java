package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill 5, hostile clients, second part (issue 16): many open Server-Sent Events streams must not starve other
 * requests. Two servers in child JVMs, one after the other:
 * <ol>
 *   <li>the per-user limit, at its default (limits.sse_connections_per_user 20): user A opens 20 streams, the 21st
 *   (on either stream route) is refused 429 too_many_streams, user B's stream and A's ordinary requests still pass,
 *   and a stream A closes frees its slot;</li>
 *   <li>the load: the limit raised (in its range, 1..10,000 per user; more connections are spread over more users),
 *   one long job running; an ordinary client's GET /jobs and job submissions are timed alone, then beside
 *   {@code connections} open streams of that job; every stream must be accepted, stay open, and receive the job's
 *   progress; the server's resident memory, heap and threads are read before and with the streams.</li>
 * </ol>
 */
final class SseDrill {
    /** The configurable ceiling of limits.sse_connections_per_user (SettingsLoader). */
    static final int MAX_PER_USER = 10_000;
    /** File descriptors each process needs beside one per connection (class path jars, the database, the log). */
    static final int FD_MARGIN = 1_000;
    /** Ephemeral ports per loopback source address used before the next one (the range here is 32768-60999). */
    private static final int PER_SOURCE = 25_000;
    /** Opens in flight at once: the listen backlog is finite, and a dropped SYN costs a second's retry. */
    private static final int OPENING = 128;
    // runs for hours at one core: it must outlive the drill, which cancels it at the end
    private static final String LONG_JOB = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":20000000,\"seed\":%d}}";
    private static final String SMALL_JOB = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":100,\"steps\":1000,\"seed\":%d}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param holdSeconds how long the streams are held open, the ordinary client's requests spread over it */
    record Settings(int connections, int probes, int holdSeconds, Path dir) {
    }

    /** Latencies in ms, sorted; a failed request (no answer, not 2xx) is NaN. */
    record Latency(double[] getMillis, double[] postMillis) {
        int failures() {
            return (int) (Arrays.stream(getMillis).filter(Double::isNaN).count() + Arrays.stream(postMillis).filter(Double::isNaN).count());
        }
    }

    /** Resident memory and heap in KiB, OS threads, of the server at one moment; -1 where unreadable. */
    record Footprint(long rssKib, long heapUsedKib, long threads) {
    }

    record Result(String limitCheck, int connections, int users, int opened, int refused, int failed, double openSeconds,
                  double settleMedianMs, double settleMaxMs, int endedByServer, int stillOpen, int onJob, int progressReached,
                  int pingsMin, double heldSeconds, Latency alone, Latency beside, Footprint before, Footprint with,
                  int fiveHundreds, List<String> problems, double seconds) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger fiveHundreds = new AtomicInteger();
    private final List<String> problems = new ArrayList<>();
    /** Why ordinary requests failed, as the client saw it. */
    private final List<String> probeErrors = new ArrayList<>();
    private int seed = 1;
    private final long startNanos = System.nanoTime();

    SseDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Each connection holds a file descriptor in the drill and one in the server, both under this process's
     * `ulimit -n` (the server inherits it): too low a limit would fail the drill halfway with a vague error.
     */
    static void checkFileLimit(int connections) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long limit = os.getMaxFileDescriptorCount();
            long need = (long) connections + FD_MARGIN;
            if (limit < need) {
                throw new BadInputException("--connections: " + connections + " needs " + need + " open files in this process "
                        + "and in the server's (one per connection, " + FD_MARGIN + " beside), but `ulimit -n` is " + limit
                        + "; raise it (ulimit -n " + need + ") or lower --connections");
            }
        }
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        String limitCheck = limitCheck();
        say("per-user limit: %s", limitCheck);

        int users = (settings.connections() + MAX_PER_USER - 1) / MAX_PER_USER;
        int perUser = Math.min(settings.connections(), MAX_PER_USER);
        Path loadDir = Files.createDirectories(settings.dir().resolve("load"));
        // the first server wrote the class-data archive; the second maps a copy (same class path and flags) rather
        // than spend another start and stop writing its own (without one, its JVM writes one at exit)
        Path archive = settings.dir().resolve("limit").resolve("server-classes.jsa");
        if (Files.exists(archive)) {
            Files.copy(archive, loadDir.resolve("server-classes.jsa"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(loadDir.resolve("server.json"), loadConfig(perUser));
        ServerProcess server = ServerProcess.start(loadDir.resolve("server.json"), loadDir.resolve("data"));
        List<SseStream> streams = new ArrayList<>();
        try {
            String api = server.url + "/api/v1";
            List<String> keys = new ArrayList<>(List.of(server.firstKey));
            for (int u = 1; u < users; u++) {
                keys.add(newUser(api, "u" + u).key());
            }
            List<String> jobs = new ArrayList<>();
            for (String key : keys) {
                jobs.add(submit(api, key, LONG_JOB));
            }
            awaitStatus(api, server.firstKey, jobs.get(0), "running");
            Footprint before = footprint(server);
            Latency alone = probe(api, server.firstKey, 0);
            say("alone: GET /jobs median %.1f ms, POST /jobs median %.1f ms; server RSS %d MiB, heap %d MiB, %d threads",
                    median(alone.getMillis()), median(alone.postMillis()), before.rssKib() / 1024, before.heapUsedKib() / 1024, before.threads());

            // open the streams, OPENING at a time; each settles at its first event or its refusal
            URI u = URI.create(server.url);
            Semaphore opening = new Semaphore(OPENING);
            long openStart = System.nanoTime();
            for (int i = 0; i < settings.connections(); i++) {
                int user = i / perUser;
                String job = jobs.get(user);
                String path = i % 10 == 9 ? "/api/v1/events?jobs=" + job : "/api/v1/jobs/" + job + "/events";
                InetAddress source = i < PER_SOURCE ? null : InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) (1 + i / PER_SOURCE)});
                opening.acquire();
                SseStream s = SseStream.open(u.getHost(), u.getPort(), path, keys.get(user), source);
                streams.add(s);
                Thread.ofVirtual().start(() -> {
                    try {
                        s.awaitSettled(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        opening.release();
                    }
                });
            }
            opening.acquire(OPENING); // every open settled or timed out
            opening.release(OPENING);
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            long heldFrom = System.nanoTime();
            int opened = (int) streams.stream().filter(SseStream::open).count();
            int refused = (int) streams.stream().filter(s -> s.httpStatus > 0 && s.httpStatus != 200).count();
            int failed = (int) streams.stream().filter(s -> s.failure != null).count();
            streams.stream().filter(s -> s.httpStatus >= 500).forEach(s -> fiveHundreds.incrementAndGet());
            double[] settle = streams.stream().filter(s -> s.settledAfterNanos >= 0).mapToDouble(s -> s.settledAfterNanos / 1e6).sorted().toArray();
            say("opened %d of %d streams (%d users) in %.1f s; refused %d, failed %d", opened,
                    settings.connections(), users, openSeconds, refused, failed);
            if (opened != settings.connections()) {
                problems.add((settings.connections() - opened) + " of " + settings.connections() + " streams did not open"
                        + firstProblem(streams));
            }

            // beside the open streams: the ordinary client, the footprint, and progress reaching every stream of the job
            List<SseStream> onJob = streams.subList(0, Math.min(perUser, streams.size()));
            int[] progressBefore = onJob.stream().mapToInt(s -> s.progressEvents.get()).toArray();
            Latency beside = probe(api, server.firstKey, settings.holdSeconds());
            Footprint with = footprint(server);
            say("beside: GET /jobs median %.1f ms, POST /jobs median %.1f ms; server RSS %d MiB, heap %d MiB, %d threads",
                    median(beside.getMillis()), median(beside.postMillis()), with.rssKib() / 1024, with.heapUsedKib() / 1024, with.threads());
            int reached = awaitProgress(onJob, progressBefore);
            if (reached < onJob.size()) {
                problems.add("the job's progress reached " + reached + " of its " + onJob.size() + " streams within 20 s");
            }
            int ended = (int) streams.stream().filter(s -> s.endedByServer).count();
            int stillOpen = (int) streams.stream().filter(SseStream::open).count();
            if (ended > 0 || stillOpen != opened) {
                problems.add("the server ended " + ended + " streams and " + (opened - stillOpen) + " failed while held");
            }
            int pingsMin = streams.stream().filter(SseStream::open).mapToInt(s -> s.pings.get()).min().orElse(0);
            double held = (System.nanoTime() - heldFrom) / 1e9;
            streams.forEach(SseStream::close);
            if (!awaitSlotFreed(u, jobs.get(0), server.firstKey)) {
                problems.add("after the drill closed its streams, no new stream opened within 20 s (slots not freed)");
            }
            for (int i = 0; i < jobs.size(); i++) {
                send("POST", api + "/jobs/" + jobs.get(i) + "/cancel", keys.get(i), null);
            }
            if (alone.failures() + beside.failures() > 0) {
                problems.add((alone.failures() + beside.failures()) + " ordinary requests were not answered 2xx within 10 s: " + probeErrors);
            }
            if (fiveHundreds.get() > 0) {
                problems.add(fiveHundreds.get() + " answers were 5xx");
            }
            return new Result(limitCheck, settings.connections(), users, opened, refused, failed, openSeconds, Drills.median(settle),
                    settle.length == 0 ? Double.NaN : settle[settle.length - 1], ended, stillOpen, onJob.size(), reached, pingsMin,
                    held, alone, beside, before, with, fiveHundreds.get(), problems, (System.nanoTime() - start) / 1e9);
        } finally {
            streams.forEach(SseStream::close);
            if (!server.stop(60)) {
                server.kill9();
            }
            String log = Files.readString(loadDir.resolve("server.log"));
            if (log.contains("OutOfMemoryError")) {
                problems.add("the server's log records an OutOfMemoryError");
            }
        }
    }

    /** A progress line, with the seconds since the drill started. */
    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, "[%4.0f s] ", (System.nanoTime() - startNanos) / 1e9) + String.format(Locale.ROOT, format, args));
    }

    /**
     * The default per-user limit, on a server of its own: A's 21st stream is refused on both stream routes, B (another
     * user) and A's ordinary requests are not, and one stream A closes frees its slot.
     */
    private String limitCheck() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(settings.dir().resolve("limit"));
        // the server-wide cap at one more than A's limit: B's stream is the last the server may hold, C's is refused
        int serverCap = 21;
        ServerProcess server = ServerProcess.firstStart(dir, Drills.researchServerConfig(1)
                .replace("\"key_per_minute\": 100000", "\"key_per_minute\": 100000, \"sse_connections_total\": " + serverCap));
        List<SseStream> streams = new ArrayList<>();
        try {
            String api = server.url + "/api/v1";
            URI u = URI.create(server.url);
            String jobA = submit(api, server.firstKey, LONG_JOB);
            int limit = 20; // limits.sse_connections_per_user's default (docs/server.md)
            for (int i = 0; i < limit; i++) {
                streams.add(SseStream.open(u.getHost(), u.getPort(), "/api/v1/jobs/" + jobA + "/events", server.firstKey, null));
            }
            int opened = 0;
            for (SseStream s : streams) {
                opened += s.awaitSettled(30_000) && s.open() ? 1 : 0;
            }
            SseStream one = refusedOrOpened(u, "/api/v1/jobs/" + jobA + "/events", server.firstKey);
            SseStream many = refusedOrOpened(u, "/api/v1/events?jobs=" + jobA, server.firstKey);
            User b = newUser(api, "b");
            String jobB = submit(api, b.key(), SMALL_JOB); // queued behind A's: its stream stays open
            SseStream ofB = refusedOrOpened(u, "/api/v1/jobs/" + jobB + "/events", b.key());
            int ordinary = send("GET", api + "/jobs", server.firstKey, null).statusCode();
            boolean bOpened = ofB.open();
            User c = newUser(api, "c");
            String jobC = submit(api, c.key(), SMALL_JOB);
            SseStream ofC = SseStream.open(u.getHost(), u.getPort(), "/api/v1/jobs/" + jobC + "/events", c.key(), null);
            ofC.awaitSettled(30_000); // the 503 it must get is the cap's answer, not counted as a server error
            ofC.close();
            send("POST", api + "/jobs/" + jobC + "/cancel", c.key(), null);
            streams.get(0).close();
            boolean freed = awaitSlotFreed(u, jobA, server.firstKey);
            ofB.close();
            send("POST", api + "/jobs/" + jobB + "/cancel", b.key(), null);
            send("POST", api + "/jobs/" + jobA + "/cancel", server.firstKey, null);

            List<String> found = new ArrayList<>();
            if (opened != limit) {
                found.add(opened + " of A's first " + limit + " streams opened" + firstProblem(streams));
            }
            for (SseStream over : List.of(one, many)) {
                if (over.httpStatus != 429 || over.refusal == null || !over.refusal.contains("\"too_many_streams\"") || over.retryAfter == null) {
                    found.add("A's stream " + (limit + 1) + " answered " + over.httpStatus + " (Retry-After " + over.retryAfter + "): " + over.refusal);
                }
            }
            if (!bOpened) {
                found.add("B's stream beside A's full limit answered " + ofB.httpStatus + ": " + ofB.refusal);
            }
            if (ofC.httpStatus != 503 || ofC.refusal == null || !ofC.refusal.contains("\"unavailable\"") || ofC.retryAfter == null) {
                found.add("C's stream with the server's " + serverCap + " taken answered " + ofC.httpStatus
                        + " (Retry-After " + ofC.retryAfter + "): " + ofC.refusal + " (want 503 unavailable)");
            }
            if (ordinary != 200) {
                found.add("A's GET /jobs at the stream limit answered " + ordinary);
            }
            if (!freed) {
                found.add("a stream A closed did not free its slot within 20 s");
            }
            problems.addAll(found);
            return String.format(Locale.ROOT, "A's %d streams opened %d; stream %d answered %d %s on /jobs/{id}/events and %d on /events; "
                    + "B's stream %s; C's, beyond the server's cap of %d, answered %d; A's GET /jobs %d; a closed stream's slot freed: %s",
                    limit, opened, limit + 1, one.httpStatus,
                    one.refusal == null ? "" : JSON.readTree(one.refusal).path("error").path("code").asText(), many.httpStatus,
                    bOpened ? "opened" : "answered " + ofB.httpStatus, serverCap, ofC.httpStatus, ordinary, freed ? "yes" : "NO");
        } finally {
            streams.forEach(SseStream::close);
            if (!server.stop(60)) {
                server.kill9();
            }
        }
    }

    /** One more stream, awaited until its first event or its refusal; closed once refused. */
    private SseStream refusedOrOpened(URI u, String path, String key) throws InterruptedException {
        SseStream s = SseStream.open(u.getHost(), u.getPort(), path, key, null);
        s.awaitSettled(30_000);
        if (s.httpStatus >= 500) {
            fiveHundreds.incrementAndGet();
        }
        return s;
    }

    /**
     * Closed streams free their slots once the server notices (its next :ping write, every 3 s): polls until one
     * more stream of the user opens, up to 20 s.
     */
    private boolean awaitSlotFreed(URI u, String job, String key) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            try (SseStream s = refusedOrOpened(u, "/api/v1/jobs/" + job + "/events", key)) {
                if (s.open()) {
                    return true;
                }
            }
            Thread.sleep(250); // polling interval; the bound is the deadline above
        }
        return false;
    }

    /** Polls, up to 20 s, until every stream got a progress event after the snapshot; returns how many did. */
    private static int awaitProgress(List<SseStream> streams, int[] before) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int reached = 0;
        while (true) {
            reached = 0;
            for (int i = 0; i < streams.size(); i++) {
                reached += streams.get(i).progressEvents.get() > before[i] ? 1 : 0;
            }
            if (reached == streams.size() || System.nanoTime() > end) {
                return reached;
            }
            Thread.sleep(200); // polling interval; the bound is the deadline above
        }
    }

    /**
     * The ordinary client: --probes requests one after another, every fifth a job submission (then canceled, untimed),
     * spread evenly over {@code seconds} (0: back to back), so that they meet the streams' periodic re-reads.
     */
    private Latency probe(String api, String key, int seconds) throws InterruptedException {
        List<Double> gets = new ArrayList<>();
        List<Double> posts = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < settings.probes(); i++) {
            long due = begin + (long) (seconds * 1e9 * i / settings.probes());
            if (due > System.nanoTime()) {
                Thread.sleep((due - System.nanoTime()) / 1_000_000); // pacing the client, not waiting for an outcome
            }
            boolean post = i % 5 == 4;
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = post ? send("POST", api + "/jobs", key, String.format(SMALL_JOB, seed++))
                        : send("GET", api + "/jobs", key, null);
                double ms = r.statusCode() / 100 == 2 ? (System.nanoTime() - t) / 1e6 : Double.NaN;
                if (Double.isNaN(ms)) {
                    probeErrors.add((post ? "POST" : "GET") + " /jobs answered " + r.statusCode() + ": " + r.body());
                }
                (post ? posts : gets).add(ms);
                if (post && r.statusCode() == 201) {
                    send("POST", api + "/jobs/" + JSON.readTree(r.body()).path("job_id").asText() + "/cancel", key, null);
                }
            } catch (IOException e) {
                (post ? posts : gets).add(Double.NaN);
                probeErrors.add((post ? "POST" : "GET") + " /jobs: " + e);
            }
        }
        return new Latency(sorted(gets), sorted(posts));
    }

    private HttpResponse<String> send(String method, String url, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) {
            fiveHundreds.incrementAndGet();
        }
        return r;
    }

    private String submit(String api, String key, String spec) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", api + "/jobs", key, String.format(spec, seed++));
        if (r.statusCode() != 201) {
            throw new IOException("a job submission answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("job_id").asText();
    }

    private void awaitStatus(String api, String key, String job, String status) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (JSON.readTree(send("GET", api + "/jobs/" + job, key, null).body()).path("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100); // polling interval; the bound is the deadline above
        }
        throw new IOException("job " + job + " was not " + status + " within 60 s");
    }

    private record User(String key) {
    }

    /** Registers a user, logs in and makes an API key that may read and write jobs. */
    private User newUser(String api, String name) throws IOException, InterruptedException {
        String credentials = "{\"email\":\"" + name + "-" + Long.toHexString(System.nanoTime()) + "@drill.example\",\"password\":\"drill-"
                + Long.toHexString(System.nanoTime()) + "-correct-horse\"}";
        HttpResponse<String> reg = send("POST", api + "/auth/register", null, credentials);
        if (reg.statusCode() != 201) {
            throw new IOException("register " + name + " answered " + reg.statusCode() + ": " + reg.body());
        }
        String access = JSON.readTree(send("POST", api + "/auth/login", null, credentials).body()).path("access_token").asText();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(api + "/keys")).header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"drill\",\"scopes\":[\"jobs:read\",\"jobs:write\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode key = JSON.readTree(made.body()).path("key");
        if (made.statusCode() != 201 || key.isMissingNode()) {
            throw new IOException("a key for " + name + " answered " + made.statusCode() + ": " + made.body());
        }
        return new User(key.asText());
    }

    /**
     * The load server: one local worker (the long job takes one core, as a job would), the per-user stream limit
     * raised to what one user needs, and the request-rate, parallel-job and daily limits raised so that the drill
     * measures the streams, not the limiter.
     */
    static String loadConfig(int perUser) {
        String tier = "{\"api_requests_per_minute\": 100000, \"parallel_jobs\": 10000, \"jobs_per_day\": 1000000}";
        return """
                {"jobs": {"local_workers": 1}, "limits": {"key_per_minute": 1000000, "ip_per_minute": 100000, "sse_connections_per_user": %d},
                 "billing": {"default_tier": "research", "tiers": {"research": %s, "pro": %s, "enterprise": %s}}}"""
                .formatted(perUser, tier, tier, tier);
    }

    /** VmRSS and Threads from /proc/<pid>/status; the heap in use after a full collection, from jcmd. */
    private static Footprint footprint(ServerProcess server) throws InterruptedException {
        long rss = -1;
        long threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: left unread
        }
        return new Footprint(rss, heapUsedKib(server.pid()), threads);
    }

    private static long heapUsedKib(long pid) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(jcmd.toString(), Long.toString(pid), "GC.run"); // live objects only: what the streams hold, not garbage
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return text;
    }

    private static String firstProblem(List<SseStream> streams) {
        return streams.stream().filter(s -> !s.open()).findFirst().map(s -> " (first: status " + s.httpStatus + ", "
                + (s.failure != null ? s.failure : s.endedByServer ? "ended by the server" : s.refusal != null ? s.refusal : "no event within 30 s")
                + ")").orElse("");
    }

    private static double[] sorted(List<Double> ms) {
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double median(double[] a) {
        return Drills.median(Arrays.stream(a).filter(d -> !Double.isNaN(d)).sorted().toArray());
    }

    static double max(double[] a) {
        return Arrays.stream(a).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }
}
