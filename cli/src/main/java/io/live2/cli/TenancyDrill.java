package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
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
 * and A's job and key must be unchanged afterwards. No answer (B's, nor A's own listing of its keys and job) may
 * hold a secret; and every file the server wrote must hold none of the secrets used: both API keys, B's password,
 * access and refresh tokens.
 */
final class TenancyDrill {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

    record Result(List<String> checked, List<String> problems, double seconds) {
    }

    private final Path dir;
    private final PrintStream out;

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
        DrillHttp api = new DrillHttp(server.url);
        try {
            String keyA = server.firstKey;
            secrets.add(keyA);
            String jobA = api.submit(keyA, 100, 1000, 3);
            String endA = api.awaitEnd(keyA, jobA, Duration.ofMinutes(3));
            if (!endA.equals("succeeded")) {
                throw new IOException("A's job ended " + endA);
            }
            String keyIdA = DrillHttp.json(api.send("GET", "/keys", keyA, null, null)).path("keys").path(0).path("id").asText();
            DrillHttp.Account b = api.newAccount("b", problems);
            secrets.addAll(b.secrets());

            for (Map.Entry<String, List<String>> route : routesWithIds(api.send("GET", server.url + "/openapi", null, null, null).body()).entrySet()) {
                String path = route.getKey().startsWith("/keys/") ? route.getKey().replace("{id}", keyIdA)
                        : route.getKey().replace("{id}", jobA).replace("{name}", "results.json");
                for (String method : route.getValue()) {
                    for (String who : List.of("key", "token")) {
                        String body = method.equals("GET") ? null : "{}";
                        HttpResponse<String> r = who.equals("key") ? api.send(method, path, b.key(), null, body)
                                : api.send(method, path, null, b.access(), body);
                        String what = method + " " + route.getKey() + " as B (" + who + ")";
                        checked.add(what);
                        DrillHttp.expect(r, 404, what, problems);
                        for (String secret : secrets) {
                            if (r.body().contains(secret) || r.headers().map().toString().contains(secret)) {
                                problems.add(what + ": the answer holds a secret (" + secret.substring(0, 6) + "…)");
                            }
                        }
                    }
                }
            }
            HttpResponse<String> stream = api.send("GET", "/events?jobs=" + jobA, b.key(), null, null);
            checked.add("GET /events?jobs= as B");
            DrillHttp.expect(stream, 404, "GET /events?jobs=<A's job> as B", problems);

            // A's things are untouched: the job still succeeded (not canceled), the key still works
            JsonNode job = DrillHttp.json(api.send("GET", "/jobs/" + jobA, keyA, null, null));
            if (!job.path("status").asText().equals("succeeded")) {
                problems.add("A's job is " + job.path("status").asText() + " after B's calls");
            }
            HttpResponse<String> keys = api.send("GET", "/keys", keyA, null, null);
            DrillHttp.expect(keys, 200, "A's key after B's calls", problems);
            for (String secret : secrets) {
                if (keys.body().contains(secret) || job.toString().contains(secret)) {
                    problems.add("A's listing of its keys or job holds a secret (" + secret.substring(0, 6) + "…)");
                }
            }
        } finally {
            server.stop(60);
        }
        SecretScan.report(dir, secrets, problems);
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
}
