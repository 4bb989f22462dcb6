package io.live2.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The window arithmetic both limiters share, over the whole range of times and window lengths in use. */
class FixedWindowProperties {

    /** Up to the year 2500. */
    private static final long LATEST_MILLIS = 16_725_225_600_000L;

    @Property
    void theIndexIsTheEpochSecondsDividedByTheWindowSecondsRoundedDown(
            @ForAll @LongRange(min = 0, max = LATEST_MILLIS) long nowMillis,
            @ForAll @IntRange(min = 1, max = 86_400) int windowSeconds) {
        FixedWindow window = FixedWindow.containing(nowMillis, Duration.ofSeconds(windowSeconds));
        assertEquals(Math.floorDiv(Math.floorDiv(nowMillis, 1000), windowSeconds), window.index());
        assertEquals((window.index() + 1) * windowSeconds * 1000L, window.endMillis());
    }

    @Property
    void retryAfterIsTheSecondsLeftRoundedUpWithinOneToTheWindowLength(
            @ForAll @LongRange(min = 0, max = LATEST_MILLIS) long nowMillis,
            @ForAll @IntRange(min = 1, max = 86_400) int windowSeconds) {
        FixedWindow window = FixedWindow.containing(nowMillis, Duration.ofSeconds(windowSeconds));
        long retryAfter = window.retryAfterSeconds();
        assertTrue(retryAfter >= 1 && retryAfter <= windowSeconds, "Retry-After " + retryAfter);
        assertTrue(nowMillis + retryAfter * 1000 >= window.endMillis(), "waiting Retry-After reaches the next window");
        assertTrue(nowMillis + (retryAfter - 1) * 1000 < window.endMillis(), "one second less does not");
    }

    @Property
    void theCountDecidesAdmissionAndRemaining(
            @ForAll @IntRange(min = 1, max = 1_000) int permits,
            @ForAll @IntRange(min = 1, max = 2_000) int count) {
        RateLimiter.Decision decision = FixedWindow.containing(0, Duration.ofMinutes(1)).decisionFor(count, permits);
        assertEquals(count <= permits, decision.allowed());
        assertEquals(Math.max(0, permits - count), decision.remaining());
        assertEquals(decision.allowed() ? 0 : 60, decision.retryAfterSeconds());
    }
}
