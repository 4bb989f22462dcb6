package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A server for one test class: embedded (H2 file database + in-process limits) or production-like (PostgreSQL in
 * a schema of its own + Redis), with a small HTTP helper. Both run the same LiveServer code.
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final LiveServer server;
    public final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public enum Kind { EMBEDDED, POSTGRES_REDIS }

    private TestServer(LiveServer server) {
        this.server = server;
        this.base = server.url();
    }

    /** @param extra settings overrides ("limits.key_per_minute" style keys as the config file has them, env style names) */
    public static TestServer start(Kind kind, Path dataDir, Map<String, String> extraEnv) {
        return start(kind, dataDir, extraEnv, null);
    }

    /** @param configJson a config file's content (limits, jobs), or null */
    public static TestServer start(Kind kind, Path dataDir, Map<String, String> extraEnv, String configJson) {
        return start(kind, dataDir, extraEnv, configJson, Clock.systemUTC());
    }

    /** @param clock the server's clock (tokens, rate windows, usage periods): a test may move it by hand */
    public static TestServer start(Kind kind, Path dataDir, Map<String, String> extraEnv, String configJson, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("LIVE_PORT", "0");
        env.put("LIVE_DATA", dataDir.toString());
        String schema = null;
        if (kind == Kind.POSTGRES_REDIS) {
            Services.requirePostgres();
            Services.requireRedis();
            env.put("LIVE_DB_URL", Services.POSTGRES_URL);
            env.put("LIVE_DB_USER", "postgres");
            env.put("LIVE_REDIS_URL", Services.REDIS_URL);
            schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        }
        // the tests of the API itself are not about tiers: a generous one, unless a test chooses (the billing tests do)
        env.put("LIVE_BILLING_DEFAULT_TIER", "enterprise");
        env.putAll(extraEnv);
        Path config = null;
        if (configJson != null) {
            try {
                java.nio.file.Files.createDirectories(dataDir);
                config = java.nio.file.Files.writeString(dataDir.resolve("server-config.json"), configJson);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        ServerSettings s = SettingsLoader.load(config, env, Map.of());
        return new TestServer(LiveServer.start(s, clock, schema));
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (body != null) {
            if (!headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !r.body().isEmpty()) {
                n = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), n, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String key) {
        return call("GET", path, null, Map.of("X-API-Key", key));
    }

    public Response post(String path, String key, String body) {
        return call("POST", path, body, key == null ? Map.of() : Map.of("X-API-Key", key));
    }

    /** Registers a user and returns a key with every scope. */
    public String newUserKey(String email) {
        Response r = post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
        if (r.status() != 201) {
            throw new AssertionError("register: " + r.status() + " " + r.raw().body());
        }
        String token = accessToken(email);
        Response k = call("POST", "/api/v1/keys", "{\"name\":\"test\",\"scopes\":[\"jobs:read\",\"jobs:write\",\"billing\"]}",
                Map.of("Authorization", "Bearer " + token));
        if (k.status() != 201) {
            throw new AssertionError("create key: " + k.status() + " " + k.raw().body());
        }
        return k.body().get("key").asText();
    }

    public String accessToken(String email) {
        Response l = post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
        if (l.status() != 200) {
            throw new AssertionError("login: " + l.status() + " " + l.raw().body());
        }
        return l.body().get("access_token").asText();
    }

    /** A small, quick miller-urey job body. */
    public static String smallJob(long seed, String idempotencyKey) {
        ObjectNode sim = JSON.createObjectNode().put("preset", "miller-urey").put("particles", 150).put("steps", 200).put("seed", seed);
        ObjectNode body = JSON.createObjectNode();
        body.set("simulation", sim);
        if (idempotencyKey != null) {
            body.put("idempotency_key", idempotencyKey);
        }
        return body.toString();
    }

    /** Polls the job until it is final (bounded), returning the last job object. */
    public JsonNode awaitFinal(String key, String jobId, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        JsonNode j;
        do {
            j = get("/api/v1/jobs/" + jobId, key).body();
            String s = j.path("status").asText();
            if (s.equals("succeeded") || s.equals("failed") || s.equals("canceled")) {
                return j;
            }
            try {
                Thread.sleep(100); // polling interval, not a timing assumption: the bound is max
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < end);
        throw new AssertionError("job " + jobId + " not final within " + max + ": " + j);
    }

    @Override
    public void close() {
        server.stop();
    }
}
