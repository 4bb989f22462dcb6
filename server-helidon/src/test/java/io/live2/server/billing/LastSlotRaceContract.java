package io.live2.server.billing;

import io.live2.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 50 submissions at once when the account has one parallel slot left: exactly one is admitted, the other 49 get
 * 429 parallel_limit. Run against each assembly (database row lock; Redis).
 */
abstract class LastSlotRaceContract {
    static final int CONTENDERS = 50;

    @TempDir
    Path tmp;

    abstract TestServer.Kind kind();

    @Test
    void fiftyConcurrentSubmissionsAtTheLastFreeSlotAdmitExactlyOne() throws Exception {
        // pro: 5 parallel jobs; its API rate (200/min) allows the burst
        try (TestServer s = TestServer.start(kind(), tmp.resolve("data"), Map.of("LIVE_BILLING_DEFAULT_TIER", "pro"),
                "{\"jobs\": {\"local_workers\": 1}}")) {
            String key = s.newUserKey("racer@example.org");
            List<String> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // limit − 1 slots taken by long jobs
                TestServer.Response r = s.post("/api/v1/jobs", key, GuardrailApiTest.job(150, 5_000_000, "spot"));
                assertEquals(201, r.status(), r.raw().body());
                held.add(r.body().path("job_id").asText());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestServer.Response>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CONTENDERS; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return s.post("/api/v1/jobs", key, GuardrailApiTest.job(150, 5_000_000, "spot"));
                    }));
                }
                start.countDown();
                int admitted = 0;
                int refused = 0;
                for (Future<TestServer.Response> f : answers) {
                    TestServer.Response r = f.get();
                    if (r.status() == 201) {
                        admitted++;
                        held.add(r.body().path("job_id").asText());
                    } else {
                        assertEquals(429, r.status(), r.raw().body());
                        assertEquals("parallel_limit", r.body().path("error").path("code").asText(), r.raw().body());
                        refused++;
                    }
                }
                assertEquals(1, admitted, "exactly one submission takes the last slot");
                assertEquals(CONTENDERS - 1, refused);
            }
            assertEquals(5, s.get("/api/v1/billing/usage", key).body().path("now").path("running_jobs").asInt());
            for (String id : held) {
                s.post("/api/v1/jobs/" + id + "/cancel", key, "");
            }
        }
    }
}
