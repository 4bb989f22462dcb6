package io.live2.jobs.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The API's side of the callbacks: checks the timestamp is within the replay window (default 5 minutes either way),
 * the signature is hex HMAC-SHA256(key of the body's job_id, timestamp + "." + body) (constant-time compare), and the
 * same signature was not seen within the window. Remembered signatures are dropped once outside the window and capped
 * at {@code maxRemembered} (oldest first), so memory is bounded.
 */
public final class CallbackVerifier {
    public enum Outcome { OK, MALFORMED, STALE, BAD_SIGNATURE, REPLAY }

    /** @param jobId the body's job_id when it could be read */
    public record Result(Outcome outcome, String jobId) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, byte[]> keyForJob;
    private final Clock clock;
    private final long windowSeconds;
    private final int maxRemembered;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    /**
     * @param keyForJob the per-job key for a job id (null: unknown job). For a plain job
     *                  {@code CallbackSignature.jobKey(master, jobId)} as UTF-8 bytes; for a variant of a sweep, the
     *                  key of the sweep's id.
     */
    public CallbackVerifier(Function<String, byte[]> keyForJob, Clock clock, Duration window, int maxRemembered) {
        this.keyForJob = keyForJob;
        this.clock = clock;
        this.windowSeconds = window.toSeconds();
        this.maxRemembered = maxRemembered;
    }

    /** Keys derived from the master secret by job id, 5-minute window, 100 000 remembered signatures. */
    public static CallbackVerifier forMaster(byte[] master) {
        byte[] m = master.clone();
        return new CallbackVerifier(id -> CallbackSignature.jobKey(m, id).getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), DEFAULT_WINDOW, 100_000);
    }

    public synchronized Result verify(String timestampHeader, String signatureHeader, String body) {
        long now = clock.instant().getEpochSecond();
        long ts;
        try {
            ts = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            return new Result(Outcome.MALFORMED, null);
        }
        String jobId;
        try {
            JsonNode n = JSON.readTree(body);
            jobId = n == null || !n.path("job_id").isTextual() ? null : n.get("job_id").asText();
        } catch (Exception e) {
            jobId = null;
        }
        if (jobId == null) {
            return new Result(Outcome.MALFORMED, null);
        }
        if (Math.abs(now - ts) > windowSeconds) {
            return new Result(Outcome.STALE, jobId);
        }
        byte[] key = keyForJob.apply(jobId);
        if (key == null || !CallbackSignature.matches(CallbackSignature.sign(key, ts, body), signatureHeader)) {
            return new Result(Outcome.BAD_SIGNATURE, jobId);
        }
        // forget what is outside the window, then cap
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (Math.abs(now - it.next().getValue()) > windowSeconds) {
                it.remove();
            }
        }
        String sig = signatureHeader.trim().toLowerCase(java.util.Locale.ROOT);
        if (seen.containsKey(sig)) {
            return new Result(Outcome.REPLAY, jobId);
        }
        seen.put(sig, ts);
        while (seen.size() > maxRemembered) {
            seen.remove(seen.keySet().iterator().next());
        }
        return new Result(Outcome.OK, jobId);
    }

    synchronized int remembered() {
        return seen.size();
    }
}
