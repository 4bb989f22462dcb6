package io.live2.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The minimal built-in callback client of {@code live worker --callback URL}: POSTs
 * {@code {"event": "status"|"progress", "job_id", "status": <status.json>}} with headers
 * {@code X-Live-Timestamp: <epoch seconds>} and {@code X-Live-Signature: <hex HMAC-SHA256(secret,
 * timestamp + "." + body)>} (the same scheme as orchestrator-awsbatch's CallbackVerifier) (no signature header without a secret). Fire and forget, 5 s timeout, no retries: a
 * callback that cannot be delivered never fails the job (the API reconciles). {@link #flush} waits for those sent.
 */
public final class HttpCallbackListener implements JobEventListener {
    public static final String TIMESTAMP_HEADER = "X-Live-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Live-Signature";

    private final URI url;
    private final byte[] secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();

    public HttpCallbackListener(URI url, String secret, Clock clock) {
        this.url = url;
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The signature header value for a body sent at a timestamp (what the receiver recomputes). */
    public static String signature(byte[] secret, long timestamp, String body) {
        return SignedUrls.hmacHex(secret, timestamp + "." + body);
    }

    @Override
    public void onStatus(JobStatus status) {
        post("status", status);
    }

    @Override
    public void onProgress(JobStatus status) {
        post("progress", status);
    }

    private void post(String event, JobStatus status) {
        try {
            ObjectNode root = JobStatusJson.JSON.createObjectNode();
            root.put("event", event);
            root.put("job_id", status.jobId());
            root.set("status", JobStatusJson.toTree(status));
            String body = JobStatusJson.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
            long ts = clock.instant().getEpochSecond();
            HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header(TIMESTAMP_HEADER, Long.toString(ts))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (secret != null) {
                req.header(SIGNATURE_HEADER, signature(secret, ts, body));
            }
            CompletableFuture<?> f = http.sendAsync(req.build(), HttpResponse.BodyHandlers.discarding())
                    .exceptionally(e -> null);
            pending.add(f);
            pending.removeIf(CompletableFuture::isDone);
        } catch (Exception e) {
            // never fail the job over a callback
        }
    }

    /** Waits (bounded) for the callbacks sent so far. */
    @Override
    public void flush(Duration max) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // undelivered: the API reconciles
        }
    }
}
