package io.live2.billing;

import java.util.Map;

/**
 * A guardrail decision.
 *
 * @param reason            null when allowed
 * @param message           a sentence for people (null when allowed)
 * @param details           the numbers behind a denial (e.g. limit, current, estimate); empty when allowed
 * @param retryAfterSeconds for parallel/daily limits: when trying again may succeed (daily: until the next UTC day);
 *                          0 otherwise
 */
public record Verdict(boolean allowed, DenyReason reason, String message, Map<String, Object> details,
                      long retryAfterSeconds) {
    public static final Verdict ALLOW = new Verdict(true, null, null, Map.of(), 0);

    public Verdict {
        details = Map.copyOf(details);
    }

    public static Verdict deny(DenyReason reason, String message, Map<String, Object> details, long retryAfterSeconds) {
        return new Verdict(false, reason, message, details, retryAfterSeconds);
    }
}
