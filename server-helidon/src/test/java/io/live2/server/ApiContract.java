package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the API promises, run against both assemblies of the same server: embedded (H2 + in-process limits) and
 * production (PostgreSQL + Redis). Subclasses choose the kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
    @TempDir
    static Path data;
    TestServer srv;
    String alice;
    String bob;

    abstract TestServer.Kind kind();

    @BeforeAll
    void start() {
        srv = TestServer.start(kind(), data, Map.of("LIVE_ORCHESTRATOR_POOL", "1"));
        alice = srv.newUserKey("alice-" + UUID.randomUUID() + "@example.org");
        bob = srv.newUserKey("bob-" + UUID.randomUUID() + "@example.org");
    }

    @AfterAll
    void stop() {
        if (srv != null) {
            srv.close();
        }
    }

    static void assertErrorShape(TestServer.Response r, int status) {
        assertEquals(status, r.status(), () -> "body: " + r.raw().body());
        assertNotNull(r.body(), () -> "an error must have a JSON body: " + r.raw().body());
        JsonNode e = r.body().get("error");
        assertNotNull(e, () -> "error shape: " + r.raw().body());
        assertTrue(e.path("code").isTextual() && !e.path("code").asText().isEmpty(), r.raw().body());
        assertTrue(e.path("message").isTextual() && !e.path("message").asText().isEmpty(), r.raw().body());
        assertTrue(e.path("request_id").isTextual(), r.raw().body());
        assertFalse(r.raw().body().contains("Exception"), () -> "no stack traces or exception names: " + r.raw().body());
    }

    @Test
    void submitReadListAndPageJobsNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestServer.Response r = srv.post("/api/v1/jobs", alice, TestServer.smallJob(100 + i, null));
            assertEquals(201, r.status(), r.raw().body());
            assertEquals("/api/v1/jobs/" + r.body().get("job_id").asText(), r.header("Location"));
            assertTrue(r.body().path("estimate").path("duration_seconds").asDouble() > 0);
            assertTrue(r.body().path("estimate").has("cost_usd"));
            ids.add(r.body().get("job_id").asText());
        }
        TestServer.Response p1 = srv.get("/api/v1/jobs?limit=2", alice);
        assertEquals(200, p1.status());
        assertEquals(2, p1.body().get("jobs").size());
        assertEquals(ids.get(2), p1.body().get("jobs").get(0).get("job_id").asText());
        String cursor = p1.body().get("next_cursor").asText();
        TestServer.Response p2 = srv.get("/api/v1/jobs?limit=2&cursor=" + cursor, alice);
        Set<String> seen = new HashSet<>();
        p1.body().get("jobs").forEach(j -> seen.add(j.get("job_id").asText()));
        p2.body().get("jobs").forEach(j -> seen.add(j.get("job_id").asText()));
        assertTrue(seen.containsAll(ids), "pages cover every job: " + seen);
        TestServer.Response one = srv.get("/api/v1/jobs/" + ids.get(0), alice);
        assertEquals(200, one.status());
        assertEquals("submitted", one.body().get("history").get(0).get("reason").asText());
        assertEquals("no-store", one.header("Cache-Control"));
        for (String id : ids) {
            assertEquals("succeeded", srv.awaitFinal(alice, id, Duration.ofMinutes(3)).get("status").asText());
        }
        String metrics = srv.call("GET", "/metrics", null, Map.of("Accept", "text/plain")).raw().body();
        assertTrue(metrics.contains("live_job_duration_seconds_count"), "finished jobs' durations are recorded");
        assertTrue(metrics.contains("live_job_atom_steps_per_second"), "and their throughput");
    }

    @Test
    void anIdempotencyKeyGivesOneJobAndRefusesAnotherBody() {
        String key = "idem-" + UUID.randomUUID();
        TestServer.Response a = srv.post("/api/v1/jobs", alice, TestServer.smallJob(5, key));
        TestServer.Response b = srv.post("/api/v1/jobs", alice, TestServer.smallJob(5, key));
        assertEquals(201, a.status(), a.raw().body());
        assertEquals(200, b.status(), b.raw().body());
        assertEquals(a.body().get("job_id"), b.body().get("job_id"));
        assertErrorShape(srv.post("/api/v1/jobs", alice, TestServer.smallJob(6, key)), 409);
        // the same key belongs to each user separately
        assertEquals(201, srv.post("/api/v1/jobs", bob, TestServer.smallJob(5, key)).status());
    }

    @Test
    void oneHundredConcurrentIdenticalSubmissionsMakeOneJob() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = TestServer.smallJob(77, key);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Callable<TestServer.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(() -> srv.post("/api/v1/jobs", alice, body));
        }
        Set<String> jobIds = new HashSet<>();
        int created = 0;
        for (Future<TestServer.Response> f : pool.invokeAll(calls)) {
            TestServer.Response r = f.get();
            assertTrue(r.status() == 201 || r.status() == 200, () -> r.status() + " " + r.raw().body());
            created += r.status() == 201 ? 1 : 0;
            jobIds.add(r.body().get("job_id").asText());
        }
        pool.shutdown();
        assertEquals(1, created, "exactly one 201");
        assertEquals(1, jobIds.size(), "every answer names the same job: " + jobIds);
    }

    @Test
    void anotherUsersJobIsNotFoundOnEveryRoute() {
        String id = srv.post("/api/v1/jobs", alice, TestServer.smallJob(9, null)).body().get("job_id").asText();
        for (String[] route : new String[][]{{"GET", ""}, {"POST", "/cancel"}, {"GET", "/artifacts"}, {"GET", "/results"}, {"GET", "/events"}}) {
            TestServer.Response r = srv.call(route[0], "/api/v1/jobs/" + id + route[1], null, Map.of("X-API-Key", bob));
            assertErrorShape(r, 404);
        }
        srv.get("/api/v1/jobs?limit=100", bob).body().get("jobs")
                .forEach(j -> assertFalse(j.get("job_id").asText().equals(id), "B's list never shows A's job"));
        assertEquals(200, srv.get("/api/v1/jobs/" + id, alice).status());
    }

    @Test
    void badInputIsAFourHundredWithTheErrorShapeNeverAFiveHundred() {
        String big = "{\"simulation\":{\"preset\":\"miller-urey\",\"x\":\"" + "a".repeat(1_100_000) + "\"}}";
        Object[][] cases = {
                {"POST", "/api/v1/jobs", "{", 400},
                {"POST", "/api/v1/jobs", "[]", 400},
                {"POST", "/api/v1/jobs", "null", 400},
                {"POST", "/api/v1/jobs", "{}", 400},
                {"POST", "/api/v1/jobs", "{\"simulation\": 3}", 400},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\"}, \"colour\": \"red\"}", 400},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"pizza\"}}", 422},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\", \"particles\": -5}}", 422},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\", \"particles\": \"many\"}}", 422},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\"}, \"capacity\": \"gpu\"}", 400},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\"}, \"idempotency_key\": \"" + "k".repeat(200) + "\"}", 400},
                {"POST", "/api/v1/jobs", "{\"simulation\": {\"preset\": \"miller-urey\"}, \"simulation\": {}}", 400},
                {"POST", "/api/v1/jobs", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400},
                {"POST", "/api/v1/jobs", big, 413},
                {"GET", "/api/v1/jobs?limit=0", null, 400},
                {"GET", "/api/v1/jobs?limit=abc", null, 400},
                {"GET", "/api/v1/jobs?cursor=%00%01", null, 400},
                {"GET", "/api/v1/jobs/..%2F..%2Fetc", null, 404},
                {"GET", "/api/v1/jobs/no-such-job", null, 404},
                {"POST", "/api/v1/keys", "{\"name\": \"x\", \"scopes\": [\"root\"]}", 400},
                {"POST", "/api/v1/keys", "{\"name\": 5}", 400},
                {"DELETE", "/api/v1/keys/nope", null, 404},
                {"POST", "/api/v1/auth/register", "{\"email\": \"not-an-email\", \"password\": \"long enough pw\"}", 400},
                {"POST", "/api/v1/auth/register", "{\"email\": \"a@b.org\", \"password\": \"short\"}", 400},
                {"POST", "/api/v1/auth/login", "{\"email\": \"a@b.org\"}", 400},
                {"POST", "/api/v1/auth/refresh", "{\"refresh_token\": \"0123456789abcdef\"}", 401},
        };
        for (Object[] c : cases) {
            String path = (String) c[1];
            TestServer.Response r = path.startsWith("/api/v1/auth")
                    ? srv.call((String) c[0], path, (String) c[2], Map.of())
                    : srv.call((String) c[0], path, (String) c[2], Map.of("X-API-Key", alice));
            try {
                assertErrorShape(r, (Integer) c[3]);
            } catch (AssertionError e) {
                throw new AssertionError(c[0] + " " + path + " " + (c[2] == null ? "" : ((String) c[2]).substring(0, Math.min(80, ((String) c[2]).length())))
                        + ": " + e.getMessage(), e);
            }
        }
        TestServer.Response wrongType = srv.call("POST", "/api/v1/jobs", "simulation=1", Map.of("X-API-Key", alice, "Content-Type", "text/plain"));
        assertErrorShape(wrongType, 415);
        TestServer.Response field = srv.post("/api/v1/jobs", alice, "{\"simulation\": {\"preset\": \"miller-urey\", \"particles\": -5}}");
        assertEquals("simulation.particles", field.body().get("error").get("field").asText());
        TestServer.Response unknown = srv.post("/api/v1/jobs", alice, "{\"simulation\": {\"preset\": \"miller-urey\"}, \"colour\": 1}");
        assertEquals("colour", unknown.body().get("error").get("field").asText());
    }

    @Test
    void credentialsAreCheckedOnEveryUserRoute() {
        assertErrorShape(srv.call("GET", "/api/v1/jobs", null, Map.of()), 401);
        assertErrorShape(srv.call("GET", "/api/v1/jobs", null, Map.of("X-API-Key", "lk_nope_nope")), 401);
        assertErrorShape(srv.call("GET", "/api/v1/jobs", null, Map.of("Authorization", "Basic YTpi")), 401);
        assertErrorShape(srv.call("GET", "/api/v1/jobs", null, Map.of("Authorization", "Bearer not.a.jwt")), 401);
        // a read-only key cannot submit
        String email = "carol-" + UUID.randomUUID() + "@example.org";
        srv.newUserKey(email);
        String token = srv.accessToken(email);
        TestServer.Response k = srv.call("POST", "/api/v1/keys", "{\"name\":\"ro\",\"scopes\":[\"jobs:read\"]}", Map.of("Authorization", "Bearer " + token));
        String ro = k.body().get("key").asText();
        assertErrorShape(srv.post("/api/v1/jobs", ro, TestServer.smallJob(1, null)), 403);
        assertEquals(200, srv.get("/api/v1/jobs", ro).status());
        // the key is shown once: the list has its prefix, never the key
        TestServer.Response list = srv.call("GET", "/api/v1/keys", null, Map.of("Authorization", "Bearer " + token));
        assertFalse(list.raw().body().contains(ro));
        assertTrue(list.raw().body().contains(k.body().get("prefix").asText()));
        // revoked: 401 at once
        assertEquals(204, srv.call("DELETE", "/api/v1/keys/" + k.body().get("id").asText(), null, Map.of("Authorization", "Bearer " + token)).status());
        assertErrorShape(srv.get("/api/v1/jobs", ro), 401);
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() {
        String email = "dave-" + UUID.randomUUID() + "@example.org";
        srv.newUserKey(email);
        TestServer.Response login = srv.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
        String r1 = login.body().get("refresh_token").asText();
        TestServer.Response next = srv.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}");
        assertEquals(200, next.status());
        String r2 = next.body().get("refresh_token").asText();
        assertErrorShape(srv.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}"), 401);
        // reuse of r1 revoked the family: r2 no longer works either
        assertErrorShape(srv.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r2 + "\"}"), 401);
        assertErrorShape(srv.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"wrong password!\"}"), 401);
    }

    @Test
    void observabilityEndpointsAnswer() {
        TestServer.Response live = srv.call("GET", "/health", null, Map.of());
        assertEquals(200, live.status(), live.raw().body());
        TestServer.Response ready = srv.call("GET", "/health/ready", null, Map.of());
        assertEquals(200, ready.status(), ready.raw().body());
        assertTrue(ready.raw().body().contains("database"), ready.raw().body());
        srv.get("/api/v1/jobs", alice);
        TestServer.Response metrics = srv.call("GET", "/metrics", null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status());
        assertTrue(metrics.raw().body().contains("live_http_requests"), "per-route request metrics");
        assertTrue(metrics.raw().body().contains("live_jobs"), "jobs by state");
        assertTrue(metrics.raw().body().contains("live_db_pool_active"), "database pool");
        TestServer.Response echoed = srv.call("GET", "/api/v1/jobs", null, Map.of("X-API-Key", alice, "X-Request-Id", "req-abc.123"));
        assertEquals("req-abc.123", echoed.header("X-Request-Id"));
        assertEquals("nosniff", echoed.header("X-Content-Type-Options"));
        assertNull(echoed.header("Access-Control-Allow-Origin"), "no CORS unless configured");
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() {
        TestServer.Response doc = srv.call("GET", "/openapi", null, Map.of("Accept", "application/yaml"));
        assertEquals(200, doc.status());
        String yaml = doc.raw().body();
        for (String route : srv.server.routes()) {
            String[] mp = route.split(" ", 2);
            String path = mp[1].startsWith("/api/v1") ? mp[1].substring("/api/v1".length()) : mp[1];
            int at = yaml.indexOf("\n  " + path + ":\n");
            assertTrue(at >= 0, () -> "OpenAPI lacks the path " + path);
            int end = yaml.indexOf("\n  /", at + 1);
            String block = yaml.substring(at, end < 0 ? yaml.length() : end);
            assertTrue(block.contains("\n    " + mp[0].toLowerCase(java.util.Locale.ROOT) + ":"), () -> "OpenAPI lacks " + route);
        }
    }
}
