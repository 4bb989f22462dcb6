package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill 3, dependency faults (issue 16): the embedded server on a PostgreSQL cluster, a redis-server and a tmpfs
 * artifact store of the drill's own, while clients submit jobs and poll them.
 * <ol>
 *   <li>PostgreSQL stopped (pg_ctl stop -m fast) for N s and started again: readiness must go non-200 and come back
 *       without a server restart; every API answer meanwhile is 503 with Retry-After and the error shape, or a 2xx/4xx,
 *       never another 5xx and never no answer within {@link #ANSWER_BOUND}; nothing half-written (see {@link #settle}).</li>
 *   <li>Redis killed (SIGKILL) for N s and started again, empty: the documented choice (docs/server.md) is to
 *       degrade: rate limits counted in process (a login probe still meets 429), readiness reports Redis down, no
 *       5xx; afterwards the server writes to Redis again.</li>
 *   <li>The artifact store's disk full: a job whose outputs do not fit must end failed with a clear reason, never
 *       succeeded; once space is back, a job succeeds with its artifacts.</li>
 * </ol>
 */
final class DepsDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest an answer may take, even while a dependency is down (the pool waits 3 s for a connection). */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    private static final String JOB = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":%d,\"seed\":%d},"
            + "\"idempotency_key\":\"%s\"}";
    /** The per-email login limit the drill's server runs with (its probe makes 2 x this + 2 attempts). */
    static final int LOGIN_PER_MINUTE = 5;

    record Settings(int pgDownSeconds, int redisDownSeconds, int clients, int jobSteps, int artifactsMib, Path dir) {
    }

    /** Figures of one dependency's outage. */
    record Outage(String dependency, double seconds, double toNotReady, double backToReady, Map<Integer, Integer> statuses,
                  double medianMillis, double maxMillis) {
        int requests() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    record Result(List<Outage> outages, int jobs, int succeeded, int lost, int halfWritten, int retried, int fiveXx,
                  String fullDiskJob, Map<String, Map<Integer, Integer>> statuses, List<String> problems, double seconds) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Answers by window (before, pg-down, ..., after) and status; -1 is no answer within the bound. */
    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private volatile String window = "before";
    /** How long each answer took, by window. */
    private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
    /** Every job id an answer named (201 or an idempotent 200). */
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    /** Submissions answered 503 or not at all at least once: idempotency key → body, sent again after the outage. */
    private final Map<String, String> unanswered = new ConcurrentHashMap<>();
    /** The job a key's submission finally named. */
    private final Map<String, String> keyJob = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger seeds = new AtomicInteger(1);
    private ServerProcess server;

    DepsDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = settings.dir();
        List<Outage> outages = new ArrayList<>();
        String fullDisk = "not run";
        int retried = 0;
        PrivatePostgres pg = null;
        PrivateRedis redis = null;
        TmpfsMount disk = null;
        try {
            pg = PrivatePostgres.start(dir.resolve("postgres.log"));
            redis = PrivateRedis.start(dir.resolve("redis.log"));
            disk = TmpfsMount.mount(dir.resolve("artifacts"), settings.artifactsMib() * 1024L * 1024L);
            out.printf(Locale.ROOT, "deps drill: PostgreSQL on 127.0.0.1:%d, redis-server on 127.0.0.1:%d, artifacts on a %d MiB tmpfs (%s); "
                    + "%d clients submitting %d-step jobs and polling%n", pg.port, redis.port, settings.artifactsMib(), disk.dir,
                    settings.clients(), settings.jobSteps());
            server = ServerProcess.firstStart(dir, config(pg, redis, disk));

            out.printf(Locale.ROOT, "phase 1: PostgreSQL stopped for %d s%n", settings.pgDownSeconds());
            PrivatePostgres db = pg;
            outages.add(outage("postgresql", "pg", settings.pgDownSeconds(), () -> db.stop("fast"), () -> { }, db::start));
            retried += settle("phase 1");

            out.printf(Locale.ROOT, "phase 2: redis-server killed for %d s%n", settings.redisDownSeconds());
            PrivateRedis r = redis;
            loginProbe("before the Redis fault");
            outages.add(outage("redis", "redis", settings.redisDownSeconds(), r::kill9,
                    () -> loginProbe("while Redis is down (counted in process)"), r::start));
            awaitRedisUsed(r);
            loginProbe("after Redis came back");
            retried += settle("phase 2");

            out.println("phase 3: the artifact store's disk full");
            fullDisk = fullDisk(disk);
        } catch (IOException | RuntimeException e) {
            problems.add("the drill stopped early: " + e);
        } finally {
            if (server != null && !server.stop(60)) {
                problems.add("the server did not stop within 60 s of SIGTERM");
            }
            closeQuietly(redis);
            closeQuietly(pg);
            closeQuietly(disk);
        }
        int fiveXx = 0;
        for (Map<Integer, Integer> m : statuses.values()) {
            for (Map.Entry<Integer, Integer> e : m.entrySet()) {
                fiveXx += e.getKey() >= 500 && e.getKey() != 503 ? e.getValue() : 0;
            }
        }
        Map<String, Map<Integer, Integer>> byWindow = new LinkedHashMap<>();
        statuses.forEach((k, v) -> byWindow.put(k, new TreeMap<>(v)));
        return new Result(outages, named.size(), settledOk, lost, halfWritten, retried, fiveXx, fullDisk, byWindow,
                List.copyOf(problems), (System.nanoTime() - start) / 1e9);
    }

    private static String config(PrivatePostgres pg, PrivateRedis redis, TmpfsMount disk) {
        // enterprise tier: its limits admit a client's next job at once; login limited low so the probe meets it fast;
        // reconcile every 2 s so a state missed during an outage is applied within the drill's bound
        return """
                {"database": {"url": "%s", "user": "postgres", "pool_size": 10}, "redis_url": "%s", "artifacts": "%s",
                 "jobs": {"local_workers": 2, "reconcile_seconds": 2},
                 "limits": {"key_per_minute": 100000, "login_per_minute": %d},
                 "billing": {"default_tier": "enterprise"}}""".formatted(pg.jdbcUrl(), redis.url(),
                disk.dir.toAbsolutePath().toUri(), LOGIN_PER_MINUTE);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Clients run; after the first succeeded job the fault is injected, held, and undone; readiness is watched
     * throughout, and the clients go on until a job submitted after the recovery has succeeded.
     */
    private Outage outage(String name, String tag, int seconds, Step fault, Runnable whileDown, Step repair) throws IOException, InterruptedException {
        window = tag + "-before";
        Clients clients = new Clients();
        try {
            int before = succeeded();
            awaitTrue(() -> succeeded() > before, Duration.ofSeconds(120), "a job succeeding before the " + name + " fault");
            window = tag + "-down";
            long t0 = System.nanoTime();
            fault.run();
            double toNotReady = awaitReadiness(false, Duration.ofSeconds(20));
            if (toNotReady < 0) {
                problems.add(name + " down: /health/ready still answered 200 after 20 s");
            }
            whileDown.run();
            long end = t0 + Duration.ofSeconds(seconds).toNanos();
            int readyWhileDown = 0;
            while (System.nanoTime() < end) {
                readyWhileDown += ready() == 200 && toNotReady >= 0 ? 1 : 0;
                Thread.sleep(200); // readiness sampled while the fault is held; the hold is the drill's --*-down-seconds
            }
            if (readyWhileDown > 0) {
                problems.add(name + " down: /health/ready answered 200 " + readyWhileDown + " times while it was down");
            }
            repair.run();
            double downFor = (System.nanoTime() - t0) / 1e9;
            window = tag + "-recovering";
            double back = awaitReadiness(true, Duration.ofSeconds(60));
            if (back < 0) {
                problems.add(name + " back: /health/ready not 200 within 60 s (no server restart was made)");
            }
            Map<Integer, Integer> during = new TreeMap<>(statuses.getOrDefault(tag + "-down", Map.of()));
            window = tag + "-after";
            int after = succeededSince();
            awaitTrue(() -> succeededSince() > after, Duration.ofSeconds(120), "a job submitted after " + name + " came back succeeding");
            double[] ms = millis.getOrDefault(tag + "-down", List.of()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Outage o = new Outage(name, downFor, toNotReady, back, during, Drills.median(ms), ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
            out.printf(Locale.ROOT, "  %s down %.1f s: ready non-200 after %.2f s, back to 200 %.2f s after it returned; "
                    + "%d requests while down, by status %s, answered in median %.0f ms, max %.0f ms%n", name, o.seconds(), toNotReady,
                    back, o.requests(), during, o.medianMillis(), o.maxMillis());
            return o;
        } finally {
            clients.stop();
        }
    }

    // ---- clients

    private final Set<String> succeededIds = ConcurrentHashMap.newKeySet();
    /** Jobs that succeeded and were submitted in an "-after" window: full service after a recovery. */
    private final Set<String> succeededAfter = ConcurrentHashMap.newKeySet();
    private int settledOk;
    private int lost;
    private int halfWritten;

    private int succeeded() {
        return succeededIds.size();
    }

    private int succeededSince() {
        return succeededAfter.size();
    }

    /** Virtual-thread clients: each submits a job (a fresh idempotency key), polls it to its end, and again. */
    private final class Clients {
        private volatile boolean stopped;
        private final List<Thread> threads = new ArrayList<>();

        Clients() {
            for (int c = 0; c < settings.clients(); c++) {
                int client = c;
                threads.add(Thread.ofVirtual().start(() -> loop(client)));
            }
        }

        private void loop(int client) {
            int n = 0;
            String key = null;
            String body = null;
            String submittedIn = null;
            while (!stopped) {
                if (key == null) { // a new submission; a refused or unanswered one is sent again with its key
                    submittedIn = window;
                    key = "drill-" + submittedIn + "-" + client + "-" + n++;
                    body = JOB.formatted(settings.jobSteps(), seeds.getAndIncrement(), key);
                }
                Answer a = send("POST", "/api/v1/jobs", body);
                if (a.status == 201 || a.status == 200) {
                    String id = a.json.path("job_id").asText();
                    named.add(id);
                    keyJob.put(key, id);
                    key = null;
                    String end = pollToEnd(id);
                    if ("succeeded".equals(end)) {
                        succeededIds.add(id);
                        if (submittedIn.endsWith("-after")) {
                            succeededAfter.add(id);
                        }
                    }
                } else {
                    if (a.status == 503 || a.status == -1) {
                        unanswered.put(key, body);
                    }
                    pause(200); // a refused submission backs off, as a client honouring Retry-After would (shorter)
                }
            }
            if (key != null && unanswered.containsKey(key)) {
                keyJob.remove(key); // stopped before it got through: settle sends it again
            }
        }

        private String pollToEnd(String id) {
            while (!stopped) {
                Answer a = send("GET", "/api/v1/jobs/" + id, null);
                String s = a.json.path("status").asText("");
                if (a.status == 200 && isFinal(s)) {
                    return s;
                }
                pause(200);
            }
            return null;
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFinal(String s) {
        return s.equals("succeeded") || s.equals("failed") || s.equals("canceled");
    }

    // ---- what must hold after an outage

    /**
     * Nothing half-written: every job an answer named ends succeeded with its results stored; each submission answered
     * 503 (or not at all) is sent again with its idempotency key and makes exactly one job (a second retry names the
     * same one); and the account's job list holds exactly the jobs some answer named, no job nobody was told of.
     *
     * @return how many submissions were retried
     */
    private int settle(String phase) throws IOException, InterruptedException {
        window = "settle";
        int retried = 0;
        for (Map.Entry<String, String> u : new ArrayList<>(unanswered.entrySet())) {
            Answer first = sendUntilAdmitted(u.getValue());
            Answer again = send("POST", "/api/v1/jobs", u.getValue());
            String id = first.json.path("job_id").asText();
            String known = keyJob.get(u.getKey());
            if ((first.status != 201 && first.status != 200) || again.status != 200 || !id.equals(again.json.path("job_id").asText())
                    || (known != null && !known.equals(id))) {
                problems.add(phase + ": submission " + u.getKey() + " sent again answered " + first.status + " then " + again.status
                        + (known != null ? " (its job was " + known + ", now " + id + ")" : "") + " (want one job per key)");
            } else {
                named.add(id);
            }
            unanswered.remove(u.getKey());
            retried++;
        }
        Set<String> listed = listJobs();
        Set<String> extra = new HashSet<>(listed);
        extra.removeAll(named);
        Set<String> missing = new HashSet<>(named);
        missing.removeAll(listed);
        halfWritten += extra.size();
        lost += missing.size();
        if (!extra.isEmpty()) {
            problems.add(phase + ": " + extra.size() + " jobs exist that no answer named (half-written): " + extra);
        }
        if (!missing.isEmpty()) {
            problems.add(phase + ": " + missing.size() + " jobs answered 201 are gone: " + missing);
        }
        int ok = 0;
        for (String id : named) {
            JsonNode job = awaitEnd(id, Duration.ofSeconds(180));
            String s = job.path("status").asText();
            if (!s.equals("succeeded")) {
                problems.add(phase + ": job " + id + " ended " + (s.isEmpty() ? "not at all within 180 s" : s + " (" + job.path("failure_cause").asText() + ")"));
            } else if (!hasArtifact(id, "results/results.json")) {
                problems.add(phase + ": job " + id + " succeeded without results/results.json in the store");
            } else {
                ok++;
            }
        }
        settledOk = ok;
        out.printf(Locale.ROOT, "  %s settled: %d jobs named by answers, %d succeeded with their results, %d submissions retried "
                + "with their key, %d jobs nobody was told of, %d lost%n", phase, named.size(), ok, retried, extra.size(), missing.size());
        return retried;
    }

    /** A submission sent until the tier's limits admit it (429 while earlier jobs hold the slots), within 120 s. */
    private Answer sendUntilAdmitted(String body) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Answer a = send("POST", "/api/v1/jobs", body);
        while (a.status == 429 && System.nanoTime() < end) {
            Thread.sleep(500); // waiting for a slot; the bound is the deadline
            a = send("POST", "/api/v1/jobs", body);
        }
        return a;
    }

    private Set<String> listJobs() throws IOException {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Answer a = send("GET", "/api/v1/jobs?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), null);
            if (a.status != 200) {
                throw new IOException("GET /jobs answered " + a.status);
            }
            a.json.path("jobs").forEach(j -> ids.add(j.path("job_id").asText()));
            cursor = a.json.path("next_cursor").isTextual() ? a.json.path("next_cursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private JsonNode awaitEnd(String id, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            Answer a = send("GET", "/api/v1/jobs/" + id, null);
            if (a.status == 200 && isFinal(a.json.path("status").asText())) {
                return a.json;
            }
            Thread.sleep(200); // polling a running job; the bound is the deadline
        }
        return JSON.createObjectNode();
    }

    private boolean hasArtifact(String id, String key) {
        Answer a = send("GET", "/api/v1/jobs/" + id + "/artifacts", null);
        for (JsonNode n : a.json.path("artifacts")) {
            if (n.path("key").asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    // ---- Redis

    /**
     * The login limit per email ({@link #LOGIN_PER_MINUTE}) must hold wherever it is counted: 2 x limit + 2 wrong
     * logins for a fresh email meet 429 at least once and pass at most 2 x limit (a minute's window may turn).
     */
    private void loginProbe(String when) {
        String body = "{\"email\":\"probe-" + System.nanoTime() + "@drill.invalid\",\"password\":\"not-the-password\"}";
        Map<Integer, Integer> got = new TreeMap<>();
        for (int i = 0; i < 2 * LOGIN_PER_MINUTE + 2; i++) {
            got.merge(send("POST", "/api/v1/auth/login", body).status, 1, Integer::sum);
        }
        int limited = got.getOrDefault(429, 0);
        int passed = got.values().stream().mapToInt(Integer::intValue).sum() - limited;
        if (limited == 0 || passed > 2 * LOGIN_PER_MINUTE) {
            problems.add("login limit " + when + ": " + got + " (want 429 after " + LOGIN_PER_MINUTE + " a minute)");
        }
        out.printf(Locale.ROOT, "  login limit %s: %s%n", when, got);
    }

    /** After Redis returned empty, the server's limiter writes to it again. */
    private void awaitRedisUsed(PrivateRedis redis) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            send("GET", "/api/v1/jobs?limit=1", null); // one rate-limited request
            try {
                long keys = redis.dbSize();
                if (keys > 0) {
                    out.printf(Locale.ROOT, "  Redis used again: %d keys after the restart%n", keys);
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(200); // polling; the bound is the deadline
        }
        problems.add("Redis back: the server wrote nothing to it within 30 s");
    }

    // ---- artifact store

    /**
     * The tmpfs filled to a few KiB: a job's outputs cannot be written. It must end failed with a reason, never
     * succeeded. Space back, a job succeeds with its results.
     */
    private String fullDisk(TmpfsMount disk) throws IOException, InterruptedException {
        window = "disk-full";
        disk.fillLeaving(16 * 1024);
        String outcome;
        try {
            String id = submitOne("disk-full");
            JsonNode job = awaitEnd(id, Duration.ofSeconds(180));
            String s = job.path("status").asText();
            String cause = job.path("failure_cause").asText("");
            outcome = s.isEmpty() ? "no end within 180 s" : s + (cause.isEmpty() ? "" : " (" + cause + ")");
            if (s.equals("succeeded")) {
                problems.add("disk full: job " + id + " succeeded " + (hasArtifact(id, "results/results.json")
                        ? "(its outputs fit in 16 KiB: the fault did not bite; use a longer job)" : "with its results missing"));
            } else if (!s.equals("failed") || cause.isBlank()) {
                problems.add("disk full: job " + id + " ended " + outcome + " (want failed with a reason)");
            }
            out.printf(Locale.ROOT, "  disk full: job %s ended %s%n", id, outcome);
        } finally {
            disk.unfill();
        }
        window = "disk-after";
        String id = submitOne("disk-after");
        JsonNode job = awaitEnd(id, Duration.ofSeconds(180));
        boolean ok = job.path("status").asText().equals("succeeded") && hasArtifact(id, "results/results.json");
        if (!ok) {
            problems.add("disk space back: job " + id + " ended " + job.path("status").asText("not at all") + " without its results");
        }
        out.printf(Locale.ROOT, "  space back: job %s %s%n", id, ok ? "succeeded with its results" : "did NOT succeed");
        return outcome;
    }

    private String submitOne(String tag) throws IOException {
        Answer a = send("POST", "/api/v1/jobs", JOB.formatted(settings.jobSteps(), seeds.getAndIncrement(), "drill-" + tag));
        if (a.status != 201) {
            throw new IOException("submitting the " + tag + " job answered " + a.status + ": " + a.json);
        }
        named.add(a.json.path("job_id").asText());
        return a.json.path("job_id").asText();
    }

    // ---- HTTP

    private record Answer(int status, JsonNode json) {
    }

    /**
     * One API request, counted in the current window. A 503 must carry Retry-After and the error shape; any other
     * 5xx, or no answer within {@link #ANSWER_BOUND}, is a problem.
     */
    private Answer send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url + path)).header("X-API-Key", server.firstKey)
                .timeout(ANSWER_BOUND);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        String at = window;
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            count(at, r.statusCode());
            millis.computeIfAbsent(at, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t0) / 1e6);
            JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() == 503) {
                JsonNode e = json.path("error");
                if (r.headers().firstValue("Retry-After").isEmpty() || e.path("code").asText().isEmpty() || e.path("message").asText().isEmpty()) {
                    problem(at + ": a 503 without Retry-After or the error shape on " + method + " " + path + ": " + r.headers().map() + " " + r.body());
                }
                if (at.startsWith("redis") && !(method.equals("POST") && path.equals("/api/v1/jobs"))) {
                    // documented: Redis down closes admission only; everything else degrades and answers
                    problem(at + ": 503 on " + method + " " + path + " while only admission needs Redis: " + r.body());
                }
            } else if (r.statusCode() >= 500) {
                problem(at + ": " + r.statusCode() + " on " + method + " " + path + ": " + r.body());
            }
            return new Answer(r.statusCode(), json);
        } catch (IOException e) {
            count(at, -1);
            problem(at + ": no answer within " + ANSWER_BOUND.toSeconds() + " s to " + method + " " + path + ": " + e);
            return new Answer(-1, JSON.createObjectNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.createObjectNode());
        }
    }

    private void count(String at, int status) {
        statuses.computeIfAbsent(at, k -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
    }

    /** At most 40 problems are kept are kept: a drill that fails should say why, not flood. */
    private void problem(String p) {
        if (problems.size() < 40) {
            problems.add(p);
        }
    }

    private int ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.url + "/health/ready")).timeout(ANSWER_BOUND).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Seconds until /health/ready answers 200 (want) or not (!want); -1 when not within the bound. */
    private double awaitReadiness(boolean want, Duration bound) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < bound.toNanos()) {
            if ((ready() == 200) == want) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(50); // polling; the bound is the deadline
        }
        return -1;
    }

    private void awaitTrue(java.util.function.BooleanSupplier c, Duration bound, String what) throws IOException, InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IOException("no " + what + " within " + bound.toSeconds() + " s");
            }
            Thread.sleep(100); // polling; the bound is the deadline
        }
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            problems.add("cleanup: " + e.getMessage());
        }
    }
}
