package io.live2.server.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the shared limiter fails, requests are counted in process with the same limits, and back again. */
class DegradingRateLimiterTest {
    @Test
    void aFailingSharedLimiterDegradesToTheLocalOneAndRecovers() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-05T12:00:00Z"));
        AtomicBoolean down = new AtomicBoolean(true);
        InProcessRateLimiter sharedStandIn = new InProcessRateLimiter(clock);
        RateLimiter shared = new RateLimiter() {
            @Override
            public Decision acquire(String key, Limit limit) {
                if (down.get()) {
                    throw new IllegalStateException("Redis does not answer");
                }
                return sharedStandIn.acquire(key, limit);
            }

            @Override
            public boolean healthy() {
                return !down.get();
            }

            @Override
            public void close() {
            }
        };
        DegradingRateLimiter l = new DegradingRateLimiter(shared, new InProcessRateLimiter(clock));
        RateLimiter.Limit two = RateLimiter.Limit.perMinute(2);
        assertTrue(l.acquire("k", two).allowed());
        assertTrue(l.acquire("k", two).allowed());
        assertFalse(l.acquire("k", two).allowed(), "the local count enforces the same limit while Redis is down");
        assertFalse(l.healthy());
        down.set(false);
        assertEquals(1, l.acquire("k", two).remaining(), "back on the shared count");
        assertTrue(l.healthy());
    }
}
