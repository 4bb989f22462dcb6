package io.live2.jobs.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.JobProgress;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The worker's side of the callbacks: POSTs {@code {job_id, event, state, step, percent, steps_per_second, species,
 * attempt, timestamp, failure_cause}} as JSON with {@code X-Live-Timestamp} (Unix seconds) and {@code X-Live-Signature}
 * (hex HMAC-SHA256(key, timestamp + "." + body)). Status events (completed, failed, interrupted, and state changes
 * reported as progress) are retried with exponential backoff and full jitter up to {@code maxAttempts}; progress
 * events are sent once (the next one supersedes them). A callback that cannot be delivered never throws and never
 * fails the job: the API reconciles with DescribeJobs. A 4xx other than 408/429 is not retried (the API rejected it).
 *
 * <p>The methods {@link #onStatus} and {@link #onProgress} have the shape of orchestrator-spi's JobEventListener.
 */
public final class CallbackClient {
    /** Sleeps between attempts; tests inject one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final int DEFAULT_ATTEMPTS = 6;
    public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final byte[] key;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int maxAttempts;
    private final Duration base;
    private final Duration max;
    private volatile int lastAttempts;

    public CallbackClient(URI url, byte[] key, HttpClient http, Clock clock, Sleeper sleeper, RandomGenerator random,
                          int maxAttempts, Duration base, Duration max) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("callback: '" + url + "' must be an http(s) URL");
        }
        this.url = url;
        this.key = key.clone();
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.base = base;
        this.max = max;
    }

    /** Defaults: 6 attempts, 0.5 s base, 30 s cap, real sleeping; {@code secret} is the worker's LIVE_CALLBACK_SECRET. */
    public static CallbackClient open(URI url, String secret) {
        return new CallbackClient(url, secret.getBytes(StandardCharsets.UTF_8),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault(), DEFAULT_ATTEMPTS, DEFAULT_BASE, DEFAULT_MAX);
    }

    /** A state change: completed, failed (also canceled), interrupted, or progress for queued/running. */
    public void onStatus(JobStatus status) {
        deliver(body(status, eventOf(status.state())), maxAttempts);
    }

    /** Progress while running: one attempt, no retry. */
    public void onProgress(JobStatus status) {
        deliver(body(status, "progress"), 1);
    }

    static String eventOf(JobState s) {
        return switch (s) {
            case SUCCEEDED -> "completed";
            case FAILED, CANCELED -> "failed";
            case INTERRUPTED -> "interrupted";
            case QUEUED, RUNNING -> "progress";
        };
    }

    /** The JSON body of an event. */
    public static String body(JobStatus s, String event) {
        JobProgress p = s.progress() == null ? JobProgress.NONE : s.progress();
        ObjectNode o = JSON.createObjectNode();
        o.put("job_id", s.jobId());
        o.put("event", event);
        o.put("state", s.state().wireName());
        o.put("step", p.step());
        o.put("percent", p.percent());
        o.put("steps_per_second", p.stepsPerSecond());
        o.put("species", p.species());
        o.put("attempt", s.attempt());
        o.put("timestamp", (s.updatedAt() == null ? java.time.Instant.EPOCH : s.updatedAt()).toString());
        if (s.failureCause() == null) {
            o.putNull("failure_cause");
        } else {
            o.put("failure_cause", s.failureCause());
        }
        return o.toString();
    }

    private static String jobIdOf(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(body);
            return n != null && n.path("job_id").isTextual() ? n.get("job_id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Attempts used by the last delivery (for tests and logs). */
    public int lastAttempts() {
        return lastAttempts;
    }

    /**
     * Sends the body, signing each attempt with a fresh timestamp. Returns whether the API accepted it (2xx); never
     * throws.
     */
    public boolean deliver(String body, int attempts) {
        int n = Math.max(1, Math.min(attempts, maxAttempts));
        for (int attempt = 1; attempt <= n; attempt++) {
            lastAttempts = attempt;
            int code;
            try {
                long ts = clock.instant().getEpochSecond();
                HttpRequest.Builder rb = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
                String jobId = jobIdOf(body);
                if (jobId != null) {
                    rb.header("traceparent", CallbackSignature.traceparent(jobId));
                }
                HttpRequest req = rb
                        .header("Content-Type", "application/json")
                        .header(CallbackSignature.TIMESTAMP_HEADER, Long.toString(ts))
                        .header(CallbackSignature.SIGNATURE_HEADER, CallbackSignature.sign(key, ts, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                code = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                code = -1; // connection refused, timeout, DNS: retry
            }
            if (code >= 200 && code < 300) {
                return true;
            }
            if (code >= 400 && code < 500 && code != 408 && code != 429) {
                return false; // the API rejected it: retrying the same body will not help
            }
            if (attempt < n) {
                try {
                    sleeper.sleep(backoff(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(30, attempt - 1));
        return Duration.ofMillis(random.nextLong(cap + 1));
    }
}
