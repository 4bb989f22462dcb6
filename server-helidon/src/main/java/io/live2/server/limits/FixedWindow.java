package io.live2.server.limits;

import java.time.Duration;

/**
 * The epoch-aligned window that a moment falls in, and the decision a count in it leads to. Both limiters use it, so
 * they agree on where windows start and on what Retry-After says.
 *
 * <p>The index is {@code floor(epochMillis / windowMillis)}; for whole-second windows this equals
 * {@code floor(epochSeconds / windowSeconds)}, and every replica whose clock agrees computes the same index.
 *
 * @param index      which window since the epoch
 * @param endMillis  when the window ends (epoch milliseconds, exclusive)
 * @param millisLeft how long until it ends, 1..window length
 */
record FixedWindow(long index, long endMillis, long millisLeft) {

    static FixedWindow containing(long nowMillis, Duration length) {
        long lengthMillis = length.toMillis();
        long index = Math.floorDiv(nowMillis, lengthMillis);
        long end = (index + 1) * lengthMillis;
        return new FixedWindow(index, end, end - nowMillis);
    }

    /** Whole seconds until the window ends, rounded up so a client that waits that long is admitted; at least 1. */
    long retryAfterSeconds() {
        return Math.max(1, Math.ceilDiv(millisLeft, 1000));
    }

    /** The decision for the {@code count}-th acquisition (1-based) in this window. */
    RateLimiter.Decision decisionFor(long count, int permits) {
        if (count <= permits) {
            return new RateLimiter.Decision(true, (int) (permits - count), 0);
        }
        return new RateLimiter.Decision(false, 0, retryAfterSeconds());
    }
}
