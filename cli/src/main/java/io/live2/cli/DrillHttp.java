package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The API calls the drills make as a user: a request with an API key or an access token, an expected status, a job
 * awaited to its end, and a second account (register, log in, make a key). One HTTP client per drill.
 */
final class DrillHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A user the drill made: its credentials, tokens and API key (all secrets the drill then scans files for). */
    record Account(String email, String password, String access, String refresh, String key) {
        List<String> secrets() {
            return List.of(password, access, refresh, key);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String base;

    /** @param serverUrl the server's root, e.g. http://127.0.0.1:port; calls go to its /api/v1 */
    DrillHttp(String serverUrl) {
        this.root = serverUrl;
        this.base = serverUrl + "/api/v1";
    }

    /** The server's root, for the routes outside /api/v1 (/internal/callbacks, /openapi, /health). */
    String root() {
        return root;
    }

    /**
     * A call under /api/v1 ({@code path} starting with "/"; a full URL is taken as it is), by API key or bearer token
     * (either may be null).
     */
    HttpResponse<String> send(String method, String path, String key, String bearer, String body)
            throws IOException, InterruptedException {
        return send(method, path, key, bearer, body, Map.of());
    }

    HttpResponse<String> send(String method, String path, String key, String bearer, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(20));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of any URL (a signed artifact URL), its bytes. */
    HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    }

    /** Adds a problem when the answer is not {@code status}. */
    static void expect(HttpResponse<String> r, int status, String what, List<String> problems) {
        if (r.statusCode() != status) {
            problems.add(what + ": " + r.statusCode() + " (want " + status + ") " + r.body().lines().findFirst().orElse(""));
        }
    }

    /** Submits a small miller-urey job and returns its id. */
    String submit(String key, int particles, long steps, long seed) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/jobs", key, null,
                "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":%d,\"steps\":%d,\"seed\":%d}}".formatted(particles, steps, seed));
        if (r.statusCode() != 201) {
            throw new IOException("submission refused: " + r.statusCode() + " " + r.body());
        }
        return json(r).path("job_id").asText();
    }

    /** Polls the job until it ends; returns its end status ("succeeded", "failed", "canceled"). */
    String awaitEnd(String key, String job, Duration within) throws IOException, InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            String status = json(send("GET", "/jobs/" + job, key, null, null)).path("status").asText();
            if (List.of("succeeded", "failed", "canceled").contains(status)) {
                return status;
            }
            Thread.sleep(100); // polling interval; the bound is the deadline above
        }
        throw new IOException("job " + job + " did not end within " + within.toSeconds() + " s");
    }

    /** Registers a new account, logs in, and makes an API key with every scope. */
    Account newAccount(String label, List<String> problems) throws IOException, InterruptedException {
        String password = "drill-" + Long.toHexString(System.nanoTime()) + "-correct-horse";
        String email = label + "-" + Long.toHexString(System.nanoTime()) + "@drill.example";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        expect(send("POST", "/auth/register", null, null, credentials), 201, "register " + label, problems);
        JsonNode login = json(send("POST", "/auth/login", null, null, credentials));
        String access = login.path("access_token").asText();
        HttpResponse<String> made = send("POST", "/keys", null, access, "{\"name\":\"drill\",\"scopes\":[\"jobs:read\",\"jobs:write\",\"billing\"]}");
        return new Account(email, password, access, login.path("refresh_token").asText(), json(made).path("key").asText());
    }
}
