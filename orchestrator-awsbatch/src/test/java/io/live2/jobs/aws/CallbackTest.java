package io.live2.jobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.live2.jobs.JobProgress;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.jobs.aws.CallbackVerifier.Outcome;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed callbacks between a CallbackClient and a local receiver that verifies with CallbackVerifier. No real sleeping. */
class CallbackTest {
    static final byte[] MASTER = "master-secret-of-the-api-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    record Received(String timestamp, String signature, String body, Outcome outcome, String traceparent) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    final List<Duration> sleeps = new ArrayList<>();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CallbackVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        verifier = new CallbackVerifier(id -> CallbackSignature.jobKey(MASTER, id).getBytes(StandardCharsets.UTF_8),
                clock, CallbackVerifier.DEFAULT_WINDOW, 1000);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String ts = ex.getRequestHeaders().getFirst("X-Live-Timestamp");
            String sig = ex.getRequestHeaders().getFirst("X-Live-Signature");
            int code;
            Outcome outcome = null;
            if (failFirst.getAndDecrement() > 0) {
                code = 503;
            } else {
                outcome = verifier.verify(ts, sig, body).outcome();
                code = outcome == Outcome.OK ? 204 : 401;
            }
            received.add(new Received(ts, sig, body, outcome, ex.getRequestHeaders().getFirst("traceparent")));
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    CallbackClient client(String jobId, int attempts) {
        String key = CallbackSignature.jobKey(MASTER, jobId); // what the worker gets in LIVE_CALLBACK_SECRET
        return new CallbackClient(url(), key.getBytes(StandardCharsets.UTF_8), HttpClient.newHttpClient(), clock,
                sleeps::add, RandomGenerator.of("L64X128MixRandom"), attempts, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    static JobStatus status(String jobId, JobState state, String cause) {
        return new JobStatus(jobId, "u1", state, 2, new JobProgress(500, 1000, 50.0, 123.5, 17), NOW, NOW, null, NOW, cause,
                null, List.of());
    }

    @Test
    void signedBodyVerifiesAndCarriesTheFields() throws Exception {
        client("job-7", 3).onStatus(status("job-7", JobState.SUCCEEDED, null));
        assertEquals(1, received.size());
        String trace = received.get(0).traceparent();
        assertEquals(CallbackSignature.traceparent("job-7"), trace, "each callback carries the job's W3C trace context");
        org.junit.jupiter.api.Assertions.assertTrue(trace.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), trace);
        Received r = received.get(0);
        assertEquals(Outcome.OK, r.outcome());
        assertEquals(String.valueOf(NOW.getEpochSecond()), r.timestamp());
        JsonNode b = new ObjectMapper().readTree(r.body());
        assertEquals("job-7", b.get("job_id").asText());
        assertEquals("completed", b.get("event").asText());
        assertEquals("succeeded", b.get("state").asText());
        assertEquals(500, b.get("step").asLong());
        assertEquals(50.0, b.get("percent").asDouble());
        assertEquals(123.5, b.get("steps_per_second").asDouble());
        assertEquals(17, b.get("species").asInt());
        assertEquals(2, b.get("attempt").asInt());
        assertEquals(NOW.toString(), b.get("timestamp").asText());
        assertEquals(List.of("job_id", "event", "state", "step", "percent", "steps_per_second", "species", "attempt",
                "timestamp", "failure_cause"), iter(b));
        assertEquals(CallbackSignature.sign(CallbackSignature.jobKey(MASTER, "job-7").getBytes(StandardCharsets.UTF_8),
                NOW.getEpochSecond(), r.body()), r.signature());
        assertEquals("interrupted", CallbackClient.eventOf(JobState.INTERRUPTED));
        assertEquals("failed", CallbackClient.eventOf(JobState.CANCELED));
    }

    static List<String> iter(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void tamperedOldReplayedAndForeignJobAreRejected() {
        client("job-1", 1).onStatus(status("job-1", JobState.FAILED, "runtime limit"));
        Received ok = received.get(0);
        assertEquals(Outcome.OK, ok.outcome());
        // replay of the very same request within the window
        assertEquals(Outcome.REPLAY, verifier.verify(ok.timestamp(), ok.signature(), ok.body()).outcome());
        // tampered body
        String tampered = ok.body().replace("\"failed\"", "\"completed\"");
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ok.timestamp(), ok.signature(), tampered).outcome());
        // another job's id with this job's key (a worker may only speak for its own job)
        String other = ok.body().replace("job-1", "job-2");
        String forged = CallbackSignature.sign(CallbackSignature.jobKey(MASTER, "job-1").getBytes(StandardCharsets.UTF_8),
                NOW.getEpochSecond(), other);
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ok.timestamp(), forged, other).outcome());
        // a correctly signed body with a timestamp 6 minutes old, and one 6 minutes in the future
        byte[] key = CallbackSignature.jobKey(MASTER, "job-1").getBytes(StandardCharsets.UTF_8);
        long old = NOW.getEpochSecond() - 360;
        assertEquals(Outcome.STALE, verifier.verify(Long.toString(old), CallbackSignature.sign(key, old, ok.body()), ok.body()).outcome());
        long future = NOW.getEpochSecond() + 360;
        assertEquals(Outcome.STALE, verifier.verify(Long.toString(future), CallbackSignature.sign(key, future, ok.body()), ok.body()).outcome());
        // within the window but different timestamp: a new signature, accepted once
        long recent = NOW.getEpochSecond() - 60;
        String sig = CallbackSignature.sign(key, recent, ok.body());
        assertEquals(Outcome.OK, verifier.verify(Long.toString(recent), sig, ok.body()).outcome());
        assertEquals(Outcome.REPLAY, verifier.verify(Long.toString(recent), sig.toUpperCase(), ok.body()).outcome());
        assertEquals(Outcome.MALFORMED, verifier.verify("yesterday", sig, ok.body()).outcome());
        assertEquals(Outcome.MALFORMED, verifier.verify(Long.toString(recent), sig, "not json").outcome());
    }

    @Test
    void replayMemoryIsBounded() {
        CallbackVerifier small = new CallbackVerifier(id -> "k".getBytes(StandardCharsets.UTF_8), clock, Duration.ofMinutes(5), 3);
        for (int i = 0; i < 10; i++) {
            String body = "{\"job_id\":\"j" + i + "\"}";
            assertTrue(small.verify(Long.toString(NOW.getEpochSecond()),
                    CallbackSignature.sign("k".getBytes(StandardCharsets.UTF_8), NOW.getEpochSecond(), body), body).ok());
        }
        assertEquals(3, small.remembered());
    }

    @Test
    void receiverFailingTwiceThenOkIsDeliveredOnTheThirdAttempt() {
        failFirst.set(2);
        CallbackClient c = client("job-3", 5);
        c.onStatus(status("job-3", JobState.SUCCEEDED, null));
        assertEquals(3, received.size());
        assertEquals(Outcome.OK, received.get(2).outcome());
        assertEquals(3, c.lastAttempts());
        assertEquals(2, sleeps.size(), "slept between attempts only");
        assertTrue(sleeps.get(0).toMillis() <= 500, "full jitter: [0, 500 ms] " + sleeps);
        assertTrue(sleeps.get(1).toMillis() <= 1000, "full jitter: [0, 1000 ms] " + sleeps);
    }

    @Test
    void receiverAlwaysFailingGivesUpWithoutThrowing() {
        failFirst.set(Integer.MAX_VALUE);
        CallbackClient c = client("job-4", 6);
        c.onStatus(status("job-4", JobState.INTERRUPTED, "spot interruption"));
        assertEquals(6, received.size());
        assertEquals(5, sleeps.size());
        for (int i = 0; i < sleeps.size(); i++) {
            long cap = Math.min(30_000, 500L << i);
            assertTrue(sleeps.get(i).toMillis() >= 0 && sleeps.get(i).toMillis() <= cap, i + ": " + sleeps);
        }
        assertFalse(c.deliver("{\"job_id\":\"job-4\"}", 6));
        // progress is sent once, no retries
        received.clear();
        c.onProgress(status("job-4", JobState.RUNNING, null));
        assertEquals(1, received.size());
        // nobody listening at all: still no exception
        server.stop(0);
        CallbackClient dead = client("job-5", 3);
        dead.onStatus(status("job-5", JobState.FAILED, "x"));
        assertEquals(3, dead.lastAttempts());
    }

    @Test
    void aRejectedCallbackIsNotRetried() {
        CallbackClient wrongKey = new CallbackClient(url(), "not-the-key".getBytes(StandardCharsets.UTF_8), HttpClient.newHttpClient(),
                clock, sleeps::add, RandomGenerator.of("L64X128MixRandom"), 5, Duration.ofMillis(500), Duration.ofSeconds(30));
        assertFalse(wrongKey.deliver(CallbackClient.body(status("job-6", JobState.SUCCEEDED, null), "completed"), 5));
        assertEquals(1, received.size());
        assertEquals(Outcome.BAD_SIGNATURE, received.get(0).outcome());
        assertTrue(sleeps.isEmpty());
    }
}
