package io.live2.server.limits;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.live2.server.limits.RateLimiter.Decision;
import io.live2.server.limits.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does, whatever stores its counts. Time is a {@link MutableClock} placed 20 s into a
 * minute, so a test crosses a window boundary by moving it, and Retry-After has an exact expected value. Keys carry a
 * random prefix so runs against a shared store never see each other's counts.
 */
public abstract class RateLimiterContract {

    private static final Limit THREE_PER_MINUTE = new Limit(3, Duration.ofMinutes(1));

    protected MutableClock clock;
    protected RateLimiter limiter;
    private final String runPrefix = "test-" + UUID.randomUUID() + ":";

    /** A limiter reading the given clock. */
    protected abstract RateLimiter newLimiter(Clock clock);

    @BeforeEach
    void startLimiter() {
        Instant minuteStart = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        clock = new MutableClock(minuteStart.plusSeconds(20));
        limiter = newLimiter(clock);
    }

    @AfterEach
    void closeLimiter() {
        limiter.close();
    }

    /** A key no other test or run uses. */
    protected String key(String name) {
        return runPrefix + name;
    }

    @Test
    void admitsExactlyThePermitsCountingRemainingDownThenDeniesUntilTheWindowEnds() {
        String key = key("countdown");
        assertEquals(new Decision(true, 2, 0), limiter.acquire(key, THREE_PER_MINUTE));
        assertEquals(new Decision(true, 1, 0), limiter.acquire(key, THREE_PER_MINUTE));
        assertEquals(new Decision(true, 0, 0), limiter.acquire(key, THREE_PER_MINUTE));
        // 20 s into the minute: 40 s until the window ends
        assertEquals(new Decision(false, 0, 40), limiter.acquire(key, THREE_PER_MINUTE));
        clock.advance(Duration.ofMillis(39_500));
        assertEquals(new Decision(false, 0, 1), limiter.acquire(key, THREE_PER_MINUTE));
    }

    @Test
    void retryAfterStaysWithinOneToTheWindowLengthAcrossTheWindow() {
        Limit onePerTenSeconds = new Limit(1, Duration.ofSeconds(10));
        clock.set(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        for (int step = 0; step < 40; step++) {
            String key = key("retry-after-" + step);
            assertTrue(limiter.acquire(key, onePerTenSeconds).allowed());
            Decision denied = limiter.acquire(key, onePerTenSeconds);
            assertFalse(denied.allowed());
            long retryAfter = denied.retryAfterSeconds();
            assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter + " at step " + step);
            clock.advance(Duration.ofMillis(250));
        }
    }

    @Test
    void theNextWindowAdmitsAgain() {
        String key = key("next-window");
        for (int i = 0; i < 3; i++) {
            limiter.acquire(key, THREE_PER_MINUTE);
        }
        assertFalse(limiter.acquire(key, THREE_PER_MINUTE).allowed());
        clock.advance(Duration.ofSeconds(39));
        assertFalse(limiter.acquire(key, THREE_PER_MINUTE).allowed(), "still the same window one second before its end");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new Decision(true, 2, 0), limiter.acquire(key, THREE_PER_MINUTE));
    }

    @Test
    void keysAreCountedIndependently() {
        String first = key("first");
        String second = key("second");
        for (int i = 0; i < 3; i++) {
            limiter.acquire(first, THREE_PER_MINUTE);
        }
        assertFalse(limiter.acquire(first, THREE_PER_MINUTE).allowed());
        assertEquals(new Decision(true, 2, 0), limiter.acquire(second, THREE_PER_MINUTE));
    }

    @Test
    void concurrentAcquisitionsOnOneKeyAdmitExactlyThePermits() throws Exception {
        String key = key("concurrent");
        Limit hundredPerMinute = new Limit(100, Duration.ofMinutes(1));
        int threads = 50;
        int acquisitionsEach = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> admittedPerThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                admittedPerThread.add(pool.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int i = 0; i < acquisitionsEach; i++) {
                        if (limiter.acquire(key, hundredPerMinute).allowed()) {
                            admitted++;
                        }
                    }
                    return admitted;
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Integer> perThread : admittedPerThread) {
                admitted += perThread.get();
            }
            assertEquals(100, admitted);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(limiter.acquire(key, hundredPerMinute).allowed());
    }

    @Test
    void arbitraryKeysWorkAndStayDistinct() {
        List<String> keys = List.of(
                "ключ-λ-鍵-🔑",
                "a:b:c",
                "a:b",
                "{tag}",
                "tag",
                "live:rl:{x}:0",
                "",
                "\uD800", // unpaired surrogates must not collapse into one key
                "\uDBFF",
                "space and\ttab\nnewline",
                "x".repeat(10 * 1024));
        Limit onePerMinute = new Limit(1, Duration.ofMinutes(1));
        for (String name : keys) {
            assertTrue(limiter.acquire(key(name), onePerMinute).allowed(), () -> "first use of a key of length " + name.length());
        }
        assertAll(keys.stream().map(name -> () ->
                assertFalse(limiter.acquire(key(name), onePerMinute).allowed(), "second use of a key of length " + name.length())));
    }

    @Test
    void theSameKeyWithDifferentWindowLengthsKeepsSeparateCounts() {
        String key = key("two-windows");
        Limit onePerMinute = new Limit(1, Duration.ofMinutes(1));
        Limit onePerHour = new Limit(1, Duration.ofHours(1));
        assertTrue(limiter.acquire(key, onePerMinute).allowed());
        assertTrue(limiter.acquire(key, onePerHour).allowed());
        assertFalse(limiter.acquire(key, onePerMinute).allowed());
        assertFalse(limiter.acquire(key, onePerHour).allowed());
    }

    @Test
    void isHealthyWhileItsStoreAnswers() {
        assertTrue(limiter.healthy());
    }
}
