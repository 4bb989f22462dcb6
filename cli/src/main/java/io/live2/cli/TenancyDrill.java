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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drill 6, tenancy and secrets, first part (issue 16): user A owns a finished job and an API key; user B, a second
 * account, calls every route of the server's own OpenAPI description that takes an id (with A's job or key id) by
 * every method it lists, and the multiplexed event stream with A's job: each must answer 404, never 403, 200 or 5xx,
 * and A's job and key must be unchanged afterwards. Then every file the server wrote must hold none of the secrets
 * used: both API keys, B's password, access and refresh tokens.
 */
final class TenancyDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

    record Result(List<String> checked, List<String> problems, double seconds) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Path dir;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TenancyDrill(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.firstStart(dir, Drills.researchServerConfig(1));
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        String base = server.url + "/api/v1";
        try {
            String keyA = server.firstKey;
            secrets.add(keyA);
            HttpResponse<String> submitted = send("POST", base + "/jobs", keyA, null,
                    "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":100,\"steps\":1000,\"seed\":3}}");
            String jobA = JSON.readTree(submitted.body()).path("job_id").asText();
            awaitSucceeded(base, keyA, jobA);
            String keyIdA = JSON.readTree(send("GET", base + "/keys", keyA, null, null).body()).path("keys").path(0).path("id").asText();

            String password = "drill-" + Long.toHexString(System.nanoTime()) + "-correct-horse";
            String email = "b-" + Long.toHexString(System.nanoTime()) + "@drill.example";
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
            secrets.add(password);
            expect(send("POST", base + "/auth/register", null, null, credentials), 201, "register B", problems);
            JsonNode login = JSON.readTree(send("POST", base + "/auth/login", null, null, credentials).body());
            String access = login.path("access_token").asText();
            String refresh = login.path("refresh_token").asText();
            secrets.add(access);
            secrets.add(refresh);
            HttpResponse<String> made = send("POST", base + "/keys", null, access, "{\"name\":\"drill\",\"scopes\":[\"jobs:read\",\"jobs:write\",\"billing\"]}");
            String keyB = JSON.readTree(made.body()).path("key").asText();
            secrets.add(keyB);

            for (Map.Entry<String, List<String>> route : routesWithIds(send("GET", server.url + "/openapi", null, null, null).body()).entrySet()) {
                String path = route.getKey().startsWith("/keys/") ? route.getKey().replace("{id}", keyIdA)
                        : route.getKey().replace("{id}", jobA).replace("{name}", "results.json");
                for (String method : route.getValue()) {
                    for (String who : List.of("key", "token")) {
                        HttpResponse<String> r = who.equals("key") ? send(method, base + path, keyB, null, method.equals("GET") ? null : "{}")
                                : send(method, base + path, null, access, method.equals("GET") ? null : "{}");
                        String what = method + " " + route.getKey() + " as B (" + who + ")";
                        checked.add(what);
                        expect(r, 404, what, problems);
                    }
                }
            }
            HttpResponse<String> stream = send("GET", base + "/events?jobs=" + jobA, keyB, null, null);
            checked.add("GET /events?jobs= as B");
            expect(stream, 404, "GET /events?jobs=<A's job> as B", problems);

            // A's things are untouched: the job still succeeded (not canceled), the key still works
            JsonNode job = JSON.readTree(send("GET", base + "/jobs/" + jobA, keyA, null, null).body());
            if (!job.path("status").asText().equals("succeeded")) {
                problems.add("A's job is " + job.path("status").asText() + " after B's calls");
            }
            expect(send("GET", base + "/keys", keyA, null, null), 200, "A's key after B's calls", problems);
        } finally {
            server.stop(60);
        }
        for (String secret : secrets) {
            List<String> leaks = SecretScan.filesContaining(dir, secret);
            if (!leaks.isEmpty()) {
                problems.add("a secret (" + secret.substring(0, Math.min(6, secret.length())) + "…) appears in " + leaks);
            }
        }
        out.printf(Locale.ROOT, "tenancy drill: %d calls by user B on user A's job and key, %d secrets scanned for in %s%n",
                checked.size(), secrets.size(), dir);
        return new Result(checked, problems, (System.nanoTime() - start) / 1e9);
    }

    /** The OpenAPI paths with a path parameter, each with its methods, in document order. */
    static Map<String, List<String>> routesWithIds(String openapiYaml) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        String current = null;
        for (String line : openapiYaml.split("\n")) {
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                current = p.group(1).contains("{") ? p.group(1) : null;
                continue;
            }
            Matcher m = METHOD.matcher(line);
            if (current != null && m.matches()) {
                routes.computeIfAbsent(current, k -> new ArrayList<>()).add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return routes;
    }

    private HttpResponse<String> send(String method, String url, String key, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what, List<String> problems) {
        if (r.statusCode() != status) {
            problems.add(what + ": " + r.statusCode() + " (want " + status + ") " + r.body().lines().findFirst().orElse(""));
        }
    }

    private void awaitSucceeded(String base, String key, String job) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < end) {
            String status = JSON.readTree(send("GET", base + "/jobs/" + job, key, null, null).body()).path("status").asText();
            if (status.equals("succeeded")) {
                return;
            }
            if (status.equals("failed") || status.equals("canceled")) {
                throw new IOException("A's job ended " + status);
            }
            Thread.sleep(100); // polling interval; the bound is the deadline above
        }
        throw new IOException("A's job did not succeed within 3 minutes");
    }
}
