package io.live2.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small client of the Live API for research code and for {@code live remote}: submit a simulation, follow it,
 * fetch its results and artifacts (checksums verified). Errors are {@link LiveApiException}s carrying the API's
 * code, message and field. Thread-safe.
 *
 * <pre>{@code
 * LiveClient live = LiveClient.create(URI.create("http://127.0.0.1:8080"), System.getenv("LIVE_API_KEY"));
 * var job = live.submit(LiveClient.JSON.readTree("{\"preset\":\"miller-urey\",\"steps\":20000}"), "spot", null);
 * JsonNode done = live.waitUntilDone(job.jobId(), e -> System.out.println(e.name() + " " + e.data()));
 * live.download(job.jobId(), Path.of("run-" + job.jobId()));
 * }</pre>
 */
public final class LiveClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "canceled");
    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;

    private LiveClient(URI server, String apiKey, Duration timeout) {
        String s = server.toString().replaceAll("/+$", "");
        this.base = URI.create(s + "/api/v1");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static LiveClient create(URI server, String apiKey) {
        return new LiveClient(server, apiKey, Duration.ofSeconds(60));
    }

    public static LiveClient create(URI server, String apiKey, Duration requestTimeout) {
        return new LiveClient(server, apiKey, requestTimeout);
    }

    /** @param replayed true when an earlier submission with the same idempotency key was returned (200) */
    public record SubmittedJob(String jobId, String status, String createdAt, double estimateDurationSeconds,
                               double estimateCostUsd, String location, boolean replayed) {
    }

    public record Page(List<JsonNode> jobs, String nextCursor) {
    }

    public record Artifact(String key, long size, String sha256, URI url) {
    }

    public record Downloaded(int files, long bytes) {
    }

    public SubmittedJob submit(JsonNode simulation, String capacity, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode();
        body.set("simulation", simulation);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (idempotencyKey != null) {
            body.put("idempotency_key", idempotencyKey);
        }
        HttpResponse<String> r = send(request("/jobs").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json"));
        JsonNode j = parse(r);
        return new SubmittedJob(j.path("job_id").asText(), j.path("status").asText(), j.path("created_at").asText(),
                j.path("estimate").path("duration_seconds").asDouble(), j.path("estimate").path("cost_usd").asDouble(),
                r.headers().firstValue("Location").orElse(null), r.statusCode() == 200);
    }

    /**
     * A dry run: the estimate and the guardrails' verdict for this submission, creating nothing
     * (POST /jobs/estimate; the answer has tier, capacity, estimate and verdict).
     */
    public JsonNode estimate(JsonNode simulation, String capacity) {
        ObjectNode body = JSON.createObjectNode();
        body.set("simulation", simulation);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return parse(send(request("/jobs/estimate").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json")));
    }

    public JsonNode job(String id) {
        return parse(send(request("/jobs/" + id).GET()));
    }

    public Page list(int limit, String cursor) {
        String q = "/jobs?limit=" + limit + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode j = parse(send(request(q).GET()));
        List<JsonNode> jobs = new ArrayList<>();
        j.path("jobs").forEach(jobs::add);
        return new Page(jobs, j.path("next_cursor").isTextual() ? j.get("next_cursor").asText() : null);
    }

    /** Every job of the caller, newest first, following the cursors. */
    public List<JsonNode> listAll() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Page p = list(100, cursor);
            all.addAll(p.jobs());
            cursor = p.nextCursor();
        } while (cursor != null);
        return all;
    }

    public JsonNode cancel(String id) {
        return parse(send(request("/jobs/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody())));
    }

    public List<Artifact> artifacts(String id) {
        JsonNode j = parse(send(request("/jobs/" + id + "/artifacts").GET()));
        List<Artifact> out = new ArrayList<>();
        for (JsonNode a : j.path("artifacts")) {
            out.add(new Artifact(a.path("key").asText(), a.path("size").asLong(), a.path("sha256").asText(), URI.create(a.path("url").asText())));
        }
        return out;
    }

    public JsonNode results(String id) {
        return parse(send(request("/jobs/" + id + "/results").GET()));
    }

    /**
     * Reads the job's event stream until the server ends it (after a final state) or the connection drops.
     *
     * @return the id of the last event, for resuming with {@code lastEventId}
     */
    public String events(String id, String lastEventId, Consumer<ServerEvent> sink) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/jobs/" + id + "/events")).header("X-API-Key", apiKey)
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                try (InputStream in = r.body()) {
                    throw error(r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8), r.headers());
                }
            }
            try (InputStream in = r.body()) {
                return SseReader.read(in, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the events of job " + id + " from " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Follows the job's events (reconnecting with Last-Event-ID when the stream drops) until it is final. */
    public JsonNode waitUntilDone(String id, Consumer<ServerEvent> sink) {
        String last = null;
        for (int attempt = 0; ; attempt++) {
            try {
                last = events(id, last, sink);
            } catch (UncheckedIOException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
            JsonNode j = job(id);
            if (FINAL.contains(j.path("status").asText())) {
                return j;
            }
            try {
                Thread.sleep(Math.min(5000, 200L * (attempt + 1))); // back off before reconnecting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Downloads every artifact of the job into {@code dir/<key>} through its signed URL; each file is written to a
     * temporary name and moved into place only when its size and SHA-256 equal the listing.
     *
     * @throws IllegalStateException naming the key when a checksum or size differs
     */
    public Downloaded download(String id, Path dir) {
        int files = 0;
        long bytes = 0;
        Path root = dir.toAbsolutePath().normalize();
        for (Artifact a : artifacts(id)) {
            Path target = root.resolve(a.key()).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalStateException("artifact key '" + a.key() + "' points outside " + root);
            }
            try {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), ".download-", ".tmp");
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(a.url()).timeout(timeout.multipliedBy(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    Files.deleteIfExists(tmp);
                    throw new IllegalStateException("artifact " + a.key() + ": HTTP " + r.statusCode() + " from its signed URL");
                }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                long n;
                try (InputStream in = new DigestInputStream(r.body(), md); OutputStream out = Files.newOutputStream(tmp)) {
                    n = in.transferTo(out);
                }
                String sha = HexFormat.of().formatHex(md.digest());
                if (n != a.size() || !sha.equals(a.sha256())) {
                    Files.deleteIfExists(tmp);
                    throw new IllegalStateException("artifact " + a.key() + ": got " + n + " bytes with SHA-256 " + sha + ", listed "
                            + a.size() + " bytes with " + a.sha256());
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files++;
                bytes += n;
            } catch (IOException e) {
                throw new UncheckedIOException("artifact " + a.key() + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Downloaded(files, bytes);
    }

    // --- account helpers (tests and docs) ---

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    public static void register(URI server, String email, String password) {
        LiveClient c = open(server);
        ObjectNode b = JSON.createObjectNode().put("email", email).put("password", password);
        c.parse(c.send(c.plain("/auth/register").POST(HttpRequest.BodyPublishers.ofString(b.toString()))
                .header("Content-Type", "application/json")));
    }

    public static Tokens login(URI server, String email, String password) {
        LiveClient c = open(server);
        ObjectNode b = JSON.createObjectNode().put("email", email).put("password", password);
        JsonNode j = c.parse(c.send(c.plain("/auth/login").POST(HttpRequest.BodyPublishers.ofString(b.toString()))
                .header("Content-Type", "application/json")));
        return new Tokens(j.path("access_token").asText(), j.path("refresh_token").asText(), j.path("expires_in").asLong());
    }

    /** Creates an API key with the given scopes; returns the key (the only time it is shown). */
    public static String createKey(URI server, String accessToken, String name, List<String> scopes) {
        LiveClient c = open(server);
        ObjectNode b = JSON.createObjectNode().put("name", name);
        scopes.forEach(b.putArray("scopes")::add);
        JsonNode j = c.parse(c.send(c.plain("/keys").POST(HttpRequest.BodyPublishers.ofString(b.toString()))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)));
        return j.path("key").asText();
    }

    private static LiveClient open(URI server) {
        return new LiveClient(server, null, Duration.ofSeconds(60));
    }

    // --- plumbing ---

    private HttpRequest.Builder plain(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    private HttpRequest.Builder request(String path) {
        return plain(path).header("X-API-Key", apiKey == null ? "" : apiKey);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the Live server at " + base.resolve("/") + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.net.ConnectException ? "connection refused" : String.valueOf(e.getMessage());
    }

    private JsonNode parse(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw error(r.statusCode(), r.body(), r.headers());
        }
        try {
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("the server answered " + r.statusCode() + " with a body that is not JSON", e);
        }
    }

    static LiveApiException error(int status, String body, java.net.http.HttpHeaders headers) {
        long retry = headers.firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
        try {
            JsonNode e = JSON.readTree(body).path("error");
            if (e.isObject() && e.path("message").isTextual()) {
                return new LiveApiException(status, e.path("code").asText(), e.path("message").asText(),
                        e.path("field").isTextual() ? e.get("field").asText() : null, e.path("request_id").asText(null), retry);
            }
        } catch (IOException | RuntimeException ignored) {
            // not the error shape: fall through to the status line
        }
        return new LiveApiException(status, "http_" + status, "HTTP " + status, null, null, retry);
    }
}
