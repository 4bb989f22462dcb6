package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.aws.CallbackSignature;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drill 5, hostile input (issue 16): mutants of a valid body sent to every route of the server's OpenAPI
 * description that takes one (ApiRoutesWithBodies), over HTTP to the embedded server in a child JVM, each answered
 * 2xx (the mutant happened to be valid) or 4xx in the API's error shape {"error": {"code", "message", "request_id"}},
 * never 5xx, never without an answer within the per-request timeout; then the job spec and run config parsers in
 * process (ParserFuzz). Signed routes (Stripe webhooks, worker callbacks) get nine in ten mutants signed with the
 * drill's own secrets, so their parsers are reached and not only the signature check. Afterwards the server must
 * still answer ordinary requests and its log must hold no stack trace. Every failing input is saved as a reproducer.
 */
final class FuzzDrill {
    static final int REQUEST_TIMEOUT_SECONDS = 10;
    private static final int MAX_REPRODUCERS_PER_TARGET = 20;
    private static final int MAX_BODY = 1_000_000; // under limits.max_body_bytes: the hostile drill covers the limit
    private static final ObjectMapper JSON = new ObjectMapper();

    record Settings(long nanos, long seed, Path dir) {
    }

    /** One target's figures: inputs, answers by status (0: no answer), failures. */
    record TargetResult(String name, long inputs, Map<Integer, Long> statuses, long failed, double seconds) {
        double perSecond() {
            return inputs / Math.max(seconds, 1e-9);
        }
    }

    record Result(List<TargetResult> targets, long inputs, long fiveXx, long noAnswer, long wrongShape, long parserFailures,
                  int logStackTraceLines, List<String> problems, double seconds) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> problems = new ArrayList<>();
    private final Path reproducers;
    private final String callbackSecret = "fuzz-drill-callback-" + Long.toHexString(System.nanoTime());
    private final String webhookSecret = "whsec_fuzzdrill" + Long.toHexString(System.nanoTime());
    private long fiveXx;
    private long noAnswer;
    private long wrongShape;

    FuzzDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.reproducers = settings.dir().resolve("reproducers");
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = settings.dir();
        // no class-data archive first (ServerProcess.firstStart's extra start and stop, ~13 s here): this drill
        // measures no start times, and the suite's short form stays short
        Path config = Files.writeString(dir.resolve("server.json"), serverConfig(dir));
        ServerProcess server = ServerProcess.start(config, dir.resolve("data"));
        List<TargetResult> results = new ArrayList<>();
        long parserFailures = 0;
        try {
            String base = server.url + "/api/v1";
            String key = server.firstKey;
            String email = "fuzz-" + Long.toHexString(System.nanoTime()) + "@drill.example";
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}";
            send("POST", base + "/auth/register", key, JsonMutator.JSON_TYPE, credentials.getBytes(StandardCharsets.UTF_8), Map.of());
            String refresh = JSON.readTree(send("POST", base + "/auth/login", key, JsonMutator.JSON_TYPE,
                    credentials.getBytes(StandardCharsets.UTF_8), Map.of()).body()).path("refresh_token").asText();
            HttpResponse<String> submitted = send("POST", base + "/jobs", key, JsonMutator.JSON_TYPE, jobBody("fuzz-setup")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            String job = JSON.readTree(submitted.body()).path("job_id").asText();
            if (job.isEmpty()) {
                throw new IOException("the drill's own job was not accepted: " + submitted.statusCode() + " " + submitted.body());
            }
            List<ApiRoutesWithBodies.Route> routes = ApiRoutesWithBodies.parse(send("GET", server.url + "/openapi", null, null, null, Map.of()).body());
            List<ParserFuzz.Target> parsers = ParserFuzz.targets();
            long slot = settings.nanos() / (routes.size() + parsers.size());
            out.printf(Locale.ROOT, "fuzz drill: %d API routes with bodies (from GET /openapi) and %d parsers, %.1f s each, seed %d%n",
                    routes.size(), parsers.size(), slot / 1e9, settings.seed());
            int index = 0;
            for (ApiRoutesWithBodies.Route route : routes) {
                String seed = seed(route, credentials, refresh, job);
                String url = (route.root() ? server.url : base) + route.path().replace("{id}", route.path().startsWith("/jobs/") ? job : "k_fuzz_missing")
                        .replaceAll("\\{name}", "results.json").replaceAll("\\{[^}]*}", "fuzz");
                TargetResult r = fuzzRoute(route, url, key, seed, index++, slot);
                results.add(r);
                out.println("  " + describe(r));
            }
            for (ParserFuzz.Target t : parsers) {
                ParserFuzz.Outcome o = ParserFuzz.run(t, index++, settings.seed(), slot, REQUEST_TIMEOUT_SECONDS, MAX_REPRODUCERS_PER_TARGET);
                for (ParserFuzz.Finding f : o.findings()) {
                    save(t.name(), f.index(), "in process", f.input(), f.what());
                    problems.add(t.name() + ", input " + f.index() + ": " + f.what());
                }
                parserFailures += o.failed();
                Map<Integer, Long> counts = new TreeMap<>(Map.of(200, o.accepted(), 400, o.refused()));
                TargetResult r = new TargetResult(t.name(), o.inputs(), counts, o.failed(), o.seconds());
                results.add(r);
                out.printf(Locale.ROOT, "  %s: %d inputs, %.0f/s; parsed %d, refused with the bad-input exception %d, failed %d%n",
                        t.name(), o.inputs(), r.perSecond(), o.accepted(), o.refused(), o.failed());
            }
            afterwards(server, base, key);
        } finally {
            server.stop(60);
        }
        int stackLines = stackTraceLines(dir.resolve("server.log"));
        if (stackLines > 0) {
            problems.add("the server log holds " + stackLines + " records with a stack trace (" + dir.resolve("server.log") + ")");
        }
        long inputs = results.stream().mapToLong(TargetResult::inputs).sum();
        return new Result(results, inputs, fiveXx, noAnswer, wrongShape, parserFailures, stackLines, problems, (System.nanoTime() - start) / 1e9);
    }

    private TargetResult fuzzRoute(ApiRoutesWithBodies.Route route, String url, String key, String seed, int index, long nanos)
            throws IOException, InterruptedException {
        JsonMutator mutator = new JsonMutator(seed, settings.seed(), MAX_BODY);
        Map<Integer, Long> statuses = new TreeMap<>();
        long t0 = System.nanoTime();
        long inputs = 0;
        long failed = 0;
        int saved = 0;
        // the seed itself first: what a valid body gets on this route, then its mutants
        for (long i = -1; System.nanoTime() - t0 < nanos; i++) {
            JsonMutator.Mutant m = i < 0 ? new JsonMutator.Mutant(seed.getBytes(StandardCharsets.UTF_8), JsonMutator.JSON_TYPE, "seed")
                    : mutator.mutant(index, i);
            String problem;
            int status;
            try {
                HttpResponse<String> r = send(route.method(), url, key, m.contentType(), m.body(), signature(route, m.body(), i));
                status = r.statusCode();
                problem = problem(r);
            } catch (HttpTimeoutException e) {
                status = 0;
                problem = "no answer within " + REQUEST_TIMEOUT_SECONDS + " s";
                noAnswer++;
            } catch (IOException e) {
                status = 0;
                problem = "no answer: " + e;
                noAnswer++;
            }
            statuses.merge(status, 1L, Long::sum);
            inputs++;
            if (problem != null) {
                failed++;
                if (status >= 500) {
                    fiveXx++;
                } else if (status != 0) {
                    wrongShape++;
                }
                if (saved++ < MAX_REPRODUCERS_PER_TARGET) {
                    save(route.name(), i, route.method() + " " + url, m, problem);
                    problems.add(route.name() + ", input " + i + " (" + m.ops() + "): " + problem);
                }
            }
        }
        return new TargetResult(route.name(), inputs, statuses, failed, (System.nanoTime() - t0) / 1e9);
    }

    /** Null for 2xx, or 4xx in the error shape; otherwise what is wrong. */
    static String problem(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return null;
        }
        String first = r.body().lines().findFirst().orElse("");
        if (s < 400 || s >= 500) {
            return "status " + s + ": " + first.substring(0, Math.min(300, first.length()));
        }
        try {
            JsonNode e = JSON.readTree(r.body()).path("error");
            for (String f : List.of("code", "message", "request_id")) {
                if (!e.path(f).isTextual() || e.path(f).asText().isBlank()) {
                    return "status " + s + " without error." + f + ": " + first.substring(0, Math.min(300, first.length()));
                }
            }
            return null;
        } catch (IOException e) {
            return "status " + s + " with a body that is not JSON: " + first.substring(0, Math.min(300, first.length()));
        }
    }

    /** The signed routes' headers for nine in ten inputs (input i % 10 == 0 goes unsigned, as a forger's would). */
    private Map<String, String> signature(ApiRoutesWithBodies.Route route, byte[] body, long i) {
        if (Math.floorMod(i, 10) == 0) {
            return Map.of();
        }
        long ts = System.currentTimeMillis() / 1000;
        String text = new String(body, StandardCharsets.UTF_8); // what the server signs over, invalid bytes replaced alike
        if (route.path().equals("/billing/webhooks/stripe")) {
            return Map.of("Stripe-Signature", io.live2.billing.stripe.WebhookSigner.header(webhookSecret, ts, text));
        }
        if (route.path().equals("/internal/callbacks")) {
            String jobId;
            try {
                JsonNode n = JSON.readTree(text);
                jobId = n == null || !n.path("job_id").isTextual() ? null : n.get("job_id").asText();
            } catch (IOException | RuntimeException e) {
                jobId = null;
            }
            if (jobId != null) {
                byte[] jobKey = CallbackSignature.jobKey(callbackSecret.getBytes(StandardCharsets.UTF_8), jobId).getBytes(StandardCharsets.UTF_8);
                return Map.of(CallbackSignature.TIMESTAMP_HEADER, Long.toString(ts), CallbackSignature.SIGNATURE_HEADER,
                        CallbackSignature.sign(jobKey, ts, text));
            }
        }
        return Map.of();
    }

    /** A valid body for each route the drill knows; {} for any other (a route added later is still fuzzed). */
    private String seed(ApiRoutesWithBodies.Route route, String credentials, String refresh, String job) {
        return switch (route.path()) {
            case "/auth/register", "/auth/login" -> credentials;
            case "/auth/refresh", "/auth/logout" -> "{\"refresh_token\":\"" + refresh + "\"}";
            case "/keys" -> "{\"name\":\"fuzz\",\"scopes\":[\"jobs:read\",\"jobs:write\"]}";
            case "/jobs", "/jobs/estimate" -> jobBody("fuzz-1");
            case "/billing/checkout" -> "{\"tier\":\"pro\"}";
            case "/billing/webhooks/stripe" -> "{\"id\":\"evt_fuzz\",\"object\":\"event\",\"type\":\"customer.created\",\"created\":"
                    + System.currentTimeMillis() / 1000 + ",\"data\":{\"object\":{\"id\":\"cus_fuzz\",\"object\":\"customer\"}}}";
            case "/internal/callbacks" -> "{\"job_id\":\"" + job + "\",\"state\":\"running\",\"attempt\":1,\"step\":10,\"total_steps\":1000,"
                    + "\"percent\":1.0,\"steps_per_second\":100.5,\"species\":3,\"temperature\":300.0,\"bonds\":2}";
            default -> "{}";
        };
    }

    private static String jobBody(String idempotencyKey) {
        return "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":100,\"steps\":1000,\"seed\":3},\"capacity\":\"spot\","
                + "\"idempotency_key\":\"" + idempotencyKey + "\"}";
    }

    /** After the run: the server still answers ordinary requests. */
    private void afterwards(ServerProcess server, String base, String key) throws InterruptedException {
        Map<String, Integer> checks = new java.util.LinkedHashMap<>();
        try {
            checks.put("GET /health/ready", send("GET", server.url + "/health/ready", null, null, null, Map.of()).statusCode());
            checks.put("GET /api/v1/jobs", send("GET", base + "/jobs", key, null, null, Map.of()).statusCode());
            checks.put("POST /api/v1/jobs/estimate", send("POST", base + "/jobs/estimate", key, JsonMutator.JSON_TYPE,
                    jobBody("fuzz-after").getBytes(StandardCharsets.UTF_8), Map.of()).statusCode());
        } catch (IOException e) {
            problems.add("after the run the server does not answer: " + e);
        }
        checks.forEach((what, status) -> {
            if (status != 200) {
                problems.add("after the run " + what + " answered " + status + " (want 200)");
            }
        });
        out.println("  afterwards: " + checks);
    }

    private HttpResponse<String> send(String method, String url, String key, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The server config: the drills' Research tier with raised limits, plus the secrets the signed routes need. */
    private String serverConfig(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path cb = Files.writeString(dir.resolve("callback.secret"), callbackSecret);
        Path wh = Files.writeString(dir.resolve("stripe-webhook.secret"), webhookSecret);
        Path sk = Files.writeString(dir.resolve("stripe-key.secret"), "sk_test_fuzzdrill");
        ObjectNode c = (ObjectNode) JSON.readTree(Drills.researchServerConfig(1));
        c.put("callback_secret_file", cb.toString()).put("stripe_secret_key_file", sk.toString());
        ((ObjectNode) c.path("limits")).put("ip_per_minute", 1_000_000).put("login_per_minute", 10_000);
        // Stripe itself is unreachable (the discard port): only an event type the server handles would call it
        ((ObjectNode) c.path("billing")).put("stripe_webhook_secret_file", wh.toString()).put("stripe_api_base", "http://127.0.0.1:9");
        return c.toString();
    }

    private void save(String target, long index, String where, JsonMutator.Mutant m, String what) throws IOException {
        Files.createDirectories(reproducers);
        String slug = target.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        Path body = reproducers.resolve(slug + "-" + index + ".body");
        Files.write(body, m.body());
        Files.writeString(reproducers.resolve("index.txt"), String.format(Locale.ROOT, "%s\t%s\tseed %d input %d\tcontent-type %s\t%s\t%s%n",
                        body.getFileName(), where, settings.seed(), index, m.contentType(), m.ops(), what),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Log records that carry a stack trace: the server logs JSON lines, a Throwable in their "exception" field
     * (ErrorBodies.unexpected logs one for every 500 and nothing for a 4xx); a plain "\tat ..." line counts too.
     */
    static int stackTraceLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return (int) lines.filter(l -> l.contains("\"exception\":") || l.matches("^\\s+at [\\w$.]+\\(.*")).count();
        }
    }

    static String describe(TargetResult r) {
        return String.format(Locale.ROOT, "%s: %d inputs, %.0f/s; statuses %s; failed %d", r.name(), r.inputs(), r.perSecond(),
                r.statuses().toString().replace("{0=", "{no answer="), r.failed());
    }
}
