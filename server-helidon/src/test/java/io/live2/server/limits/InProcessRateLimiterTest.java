package io.live2.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.live2.server.limits.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process limiter against the contract, plus its memory bound. */
class InProcessRateLimiterTest extends RateLimiterContract {

    private static final Limit ONE_PER_MINUTE = new Limit(1, Duration.ofMinutes(1));

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new InProcessRateLimiter(clock);
    }

    @Test
    void neverTracksMoreKeysThanItsCap() {
        InProcessRateLimiter capped = new InProcessRateLimiter(clock, 10);
        for (int i = 0; i < 1_000; i++) {
            capped.acquire("key-" + i, ONE_PER_MINUTE);
        }
        assertEquals(10, capped.trackedKeys());
    }

    @Test
    void atTheCapForgetsTheLeastRecentlyUsedKey() {
        InProcessRateLimiter capped = new InProcessRateLimiter(clock, 3);
        capped.acquire("a", ONE_PER_MINUTE);
        capped.acquire("b", ONE_PER_MINUTE);
        capped.acquire("c", ONE_PER_MINUTE);
        assertFalse(capped.acquire("a", ONE_PER_MINUTE).allowed(), "a is now the most recently used");
        capped.acquire("d", ONE_PER_MINUTE);

        assertEquals(3, capped.trackedKeys());
        assertFalse(capped.acquire("a", ONE_PER_MINUTE).allowed(), "a's count survived");
        assertTrue(capped.acquire("b", ONE_PER_MINUTE).allowed(), "b, the least recently used, was forgotten");
    }

    @Test
    void atTheCapDropsEndedWindowsBeforeForgettingLiveOnes() {
        InProcessRateLimiter capped = new InProcessRateLimiter(clock, 3);
        capped.acquire("a", ONE_PER_MINUTE);
        capped.acquire("b", ONE_PER_MINUTE);
        capped.acquire("short", new Limit(1, Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(2));
        capped.acquire("c", ONE_PER_MINUTE);

        assertEquals(3, capped.trackedKeys());
        assertFalse(capped.acquire("a", ONE_PER_MINUTE).allowed(), "a, least recently used but live, kept its count");
        assertFalse(capped.acquire("b", ONE_PER_MINUTE).allowed(), "b kept its count");
    }

    @Test
    void dropsEndedWindowsEvenBelowTheCap() {
        InProcessRateLimiter roomy = new InProcessRateLimiter(clock);
        for (int i = 0; i < 5; i++) {
            roomy.acquire("key-" + i, ONE_PER_MINUTE);
        }
        clock.advance(Duration.ofMinutes(2));
        roomy.acquire("later", ONE_PER_MINUTE);
        assertEquals(1, roomy.trackedKeys());
    }

    @Test
    void closeForgetsAllCounts() {
        limiter.acquire(key("closed"), ONE_PER_MINUTE);
        limiter.close();
        assertEquals(0, ((InProcessRateLimiter) limiter).trackedKeys());
        assertTrue(limiter.acquire(key("closed"), ONE_PER_MINUTE).allowed());
    }

    @Test
    void rejectsAnEmptyCap() {
        assertThrows(IllegalArgumentException.class, () -> new InProcessRateLimiter(clock, 0));
    }

    @Test
    void theSystemClockLimiterCounts() {
        try (InProcessRateLimiter system = InProcessRateLimiter.withSystemClock()) {
            assertTrue(system.acquire("k", ONE_PER_MINUTE).allowed());
            assertFalse(system.acquire("k", ONE_PER_MINUTE).allowed());
        }
    }
}
