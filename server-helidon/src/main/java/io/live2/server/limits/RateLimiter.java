package io.live2.server.limits;

import java.time.Duration;

/**
 * Fixed-window request limits: at most {@code limit.permits()} acquisitions per key in each window of
 * {@code limit.window()} (windows are aligned to the epoch, so every server replica agrees on them). Keys are
 * opaque ("key:<api key id>", "ip:<address>", "login:<email>"). Two implementations behave the same and pass the
 * same contract tests: in-process (one server) and Redis (every replica shares the counts).
 */
public interface RateLimiter extends AutoCloseable {

    /** Counts one request against the key and says whether it is allowed. */
    Decision acquire(String key, Limit limit);

    /** Whether the limiter's backing store answers (readiness). */
    boolean healthy();

    @Override
    void close();

    /** @param permits 1.. requests per window; @param window at least one second */
    record Limit(int permits, Duration window) {
        public Limit {
            if (permits < 1) {
                throw new IllegalArgumentException("permits: " + permits + " is out of range; allowed 1.." + Integer.MAX_VALUE);
            }
            if (window == null || window.toSeconds() < 1) {
                throw new IllegalArgumentException("window: " + window + " is out of range; allowed 1 s or more");
            }
        }

        public static Limit perMinute(int permits) {
            return new Limit(permits, Duration.ofMinutes(1));
        }
    }

    /**
     * @param allowed           whether this request may proceed
     * @param remaining         permits left in the current window after this request (0 when denied)
     * @param retryAfterSeconds when denied: whole seconds until the window resets (at least 1); 0 when allowed
     */
    record Decision(boolean allowed, int remaining, long retryAfterSeconds) {
    }
}
