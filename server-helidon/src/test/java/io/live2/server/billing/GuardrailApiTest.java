package io.live2.server.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guardrails as the API enforces them on the embedded server: a sandbox account starts on Hobby and meets its
 * limits (parallel 429 with Retry-After, capacity/runtime/cost 422, daily 429 until midnight UTC), each refusal
 * with its reason code and numbers; the dry run says the same without creating anything; usage is metered; live
 * mode without a subscription refuses with 402.
 */
class GuardrailApiTest {
    @TempDir
    Path tmp;

    static String job(int particles, long steps, String capacity) {
        ObjectNode sim = TestServer.JSON.createObjectNode().put("preset", "miller-urey").put("particles", particles).put("steps", steps).put("seed", 7);
        ObjectNode body = TestServer.JSON.createObjectNode();
        body.set("simulation", sim);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body.toString();
    }

    private TestServer hobbyServer(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("LIVE_BILLING_DEFAULT_TIER", "hobby");
        // a test makes more than Hobby's 10 requests a minute; the rate limit itself is tested elsewhere
        env.put("LIVE_BILLING_TIER_HOBBY_API_REQUESTS_PER_MINUTE", "50");
        env.putAll(extra);
        return TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("data"), env);
    }

    @Test
    void aSandboxAccountStartsOnHobbyAndMeetsItsGuardrails() {
        try (TestServer s = hobbyServer(Map.of())) {
            String key = s.newUserKey("hobbyist@example.org");
            JsonNode sub = s.get("/api/v1/billing/subscription", key).body();
            assertEquals("hobby", sub.path("tier").asText(), sub.toString());
            assertEquals("active", sub.path("status").asText());
            assertEquals(1, sub.path("limits").path("parallel_jobs").asInt());

            // the dry run admits a small job and creates nothing
            TestServer.Response dry = s.post("/api/v1/jobs/estimate", key, job(150, 200_000, null));
            assertEquals(200, dry.status(), dry.raw().body());
            assertTrue(dry.body().path("verdict").path("allowed").asBoolean(), dry.raw().body());
            assertEquals("spot", dry.body().path("runs_on").asText(), "hobby runs on spot without fallback");
            assertTrue(dry.body().path("estimate").path("duration_seconds").asDouble() > 0);
            assertEquals(0, s.get("/api/v1/jobs", key).body().path("jobs").size(), "a dry run creates no job");

            TestServer.Response first = s.post("/api/v1/jobs", key, job(150, 200_000, null));
            assertEquals(201, first.status(), first.raw().body());
            assertTrue(first.body().path("estimate").path("cost_usd").asDouble() > 0, "POST /jobs shows the estimate");

            TestServer.Response second = s.post("/api/v1/jobs", key, job(150, 200, null));
            assertEquals(429, second.status(), second.raw().body());
            JsonNode err = second.body().path("error");
            assertEquals("parallel_limit", err.path("code").asText());
            assertEquals(1, err.path("details").path("limit").asInt(), err.toString());
            assertNotNull(second.header("Retry-After"));

            TestServer.Response onDemand = s.post("/api/v1/jobs", key, job(150, 200, "on_demand"));
            assertEquals(422, onDemand.status(), onDemand.raw().body());
            assertEquals("capacity_not_allowed", onDemand.body().path("error").path("code").asText());

            // 100,000 atoms for 10^9 steps: far beyond Hobby's 30 minutes and $0.50
            TestServer.Response huge = s.post("/api/v1/jobs/estimate", key, job(100_000, 1_000_000_000L, null));
            assertEquals(200, huge.status(), huge.raw().body());
            String reason = huge.body().path("verdict").path("reason").asText();
            assertTrue(reason.equals("runtime_limit") || reason.equals("cost_limit"), huge.raw().body());
            TestServer.Response hugeSubmit = s.post("/api/v1/jobs", key, job(100_000, 1_000_000_000L, null));
            assertEquals(422, hugeSubmit.status(), hugeSubmit.raw().body());
            assertEquals(reason, hugeSubmit.body().path("error").path("code").asText());

            // the running job ends: its slot is free again
            String id = first.body().path("job_id").asText();
            s.post("/api/v1/jobs/" + id + "/cancel", key, "");
            s.awaitFinal(key, id, java.time.Duration.ofSeconds(60));
            TestServer.Response third = s.post("/api/v1/jobs", key, job(150, 200, null));
            assertEquals(201, third.status(), third.raw().body());
            s.awaitFinal(key, third.body().path("job_id").asText(), java.time.Duration.ofSeconds(120));

            JsonNode usage = s.get("/api/v1/billing/usage", key).body();
            assertEquals(7, usage.path("periods").size(), "this month and six before");
            assertEquals(2, usage.path("periods").get(0).path("jobs_started").asInt(), usage.toString());
            assertEquals(2, usage.path("now").path("jobs_today").asInt(), usage.toString());
            assertEquals(0, usage.path("now").path("running_jobs").asInt(), usage.toString());
            assertTrue(usage.path("periods").get(0).path("jobs_finished").asInt() >= 1, usage.toString());
        }
    }

    @Test
    void theTiersApiRateReplacesTheServerDefault() {
        // Hobby's own rate: 10 requests a minute per key (the server's ceiling, limits.key_per_minute, is 600)
        try (TestServer s = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("rate"), Map.of("LIVE_BILLING_DEFAULT_TIER", "hobby"))) {
            String key = s.newUserKey("ratelimited@example.org");
            int ok = 0;
            TestServer.Response r;
            do {
                r = s.get("/api/v1/billing/subscription", key);
                if (r.status() == 200) {
                    ok++;
                }
            } while (r.status() == 200 && ok < 50);
            assertEquals(429, r.status(), r.raw().body());
            assertEquals("rate_limited", r.body().path("error").path("code").asText());
            // fixed one-minute windows: 10 in one window, up to 19 if the loop crosses a window's edge once; far
            // below the server's ceiling of 600, so the tier's rate is the one applied
            assertTrue(ok >= 10 && ok < 20, "requests allowed before the limit: " + ok);
        }
    }

    @Test
    void theDailyLimitHoldsUntilTheNextUtcDay() {
        try (TestServer s = hobbyServer(Map.of("LIVE_BILLING_TIER_HOBBY_JOBS_PER_DAY", "2"))) {
            String key = s.newUserKey("daily@example.org");
            for (int i = 0; i < 2; i++) {
                TestServer.Response r = s.post("/api/v1/jobs", key, job(150, 200, null));
                assertEquals(201, r.status(), r.raw().body());
                s.awaitFinal(key, r.body().path("job_id").asText(), java.time.Duration.ofSeconds(120));
            }
            TestServer.Response r = s.post("/api/v1/jobs", key, job(150, 200, null));
            assertEquals(429, r.status(), r.raw().body());
            assertEquals("daily_limit", r.body().path("error").path("code").asText());
            long retry = Long.parseLong(r.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 86_400, "until the next UTC midnight: " + retry);
        }
    }

    @Test
    void anIdempotentReplayIsNotCountedAgainstTheLimits() {
        try (TestServer s = hobbyServer(Map.of())) {
            String key = s.newUserKey("replay@example.org");
            String body = TestServer.smallJob(3, "same-key");
            TestServer.Response a = s.post("/api/v1/jobs", key, body);
            TestServer.Response b = s.post("/api/v1/jobs", key, body);
            assertEquals(201, a.status(), a.raw().body());
            assertEquals(200, b.status(), "the replay returns the job even though the parallel slot is taken: " + b.raw().body());
            assertEquals(a.body().path("job_id").asText(), b.body().path("job_id").asText());
        }
    }

    /** Hobby has one slot: 30 concurrent copies of one keyed submission all get that one job, none a 429. */
    @Test
    void concurrentCopiesOfOneKeyedSubmissionShareItsSlot() throws Exception {
        try (TestServer s = hobbyServer(Map.of())) {
            String key = s.newUserKey("copies@example.org");
            String body = TestServer.smallJob(11, "one-key");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<TestServer.Response>> answers = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 30; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return s.post("/api/v1/jobs", key, body);
                    }));
                }
                go.countDown();
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (var f : answers) {
                    TestServer.Response r = f.get();
                    assertTrue(r.status() == 201 || r.status() == 200, r.status() + " " + r.raw().body());
                    ids.add(r.body().path("job_id").asText());
                }
                assertEquals(1, ids.size(), "one job: " + ids);
            }
            assertEquals(1, s.get("/api/v1/billing/usage", key).body().path("now").path("jobs_today").asInt(), "counted once");
        }
    }

    @Test
    void liveModeWithoutASubscriptionRefusesJobsWith402() {
        Map<String, String> env = new HashMap<>();
        env.put("LIVE_MODE", "live");
        env.put("LIVE_BILLING_DEFAULT_TIER", "none");
        env.put("LIVE_JWT_SECRET", "9f1c4e7a2b8d3f6091a5c7e2d4b8f0a3c6e9d2b5a8f1c4e7");
        env.put("LIVE_CALLBACK_SECRET", "1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091");
        try (TestServer s = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("live"), env)) {
            String key = s.newUserKey("unpaid@example.org");
            assertEquals("none", s.get("/api/v1/billing/subscription", key).body().path("status").asText());
            TestServer.Response r = s.post("/api/v1/jobs", key, job(150, 200, null));
            assertEquals(402, r.status(), r.raw().body());
            assertEquals("subscription_inactive", r.body().path("error").path("code").asText());
        }
    }
}
