package io.live2.server.limits;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every RateLimiter does; the in-process and Redis implementations run the same checks. */
abstract class RateLimiterContract {
    /** A clock the test moves: windows change without sleeping. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-05T12:00:00.250Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    RateLimiter limiter;
    String prefix;

    abstract RateLimiter create(Clock clock);

    @BeforeEach
    void open() {
        limiter = create(clock);
        prefix = "t-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void close() {
        limiter.close();
    }

    @Test
    void admitsThePermitsThenDeniesUntilTheWindowEnds() {
        RateLimiter.Limit l = new RateLimiter.Limit(3, Duration.ofMinutes(1));
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Decision d = limiter.acquire(prefix + "k", l);
            assertTrue(d.allowed());
            assertEquals(i, d.remaining());
        }
        RateLimiter.Decision denied = limiter.acquire(prefix + "k", l);
        assertFalse(denied.allowed());
        assertEquals(60, denied.retryAfterSeconds(), "00.250 into a minute: 59.75 s left, rounded up");
        clock.now = clock.now.plusSeconds(59);
        assertFalse(limiter.acquire(prefix + "k", l).allowed());
        assertEquals(1, limiter.acquire(prefix + "k", l).retryAfterSeconds());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(limiter.acquire(prefix + "k", l).allowed(), "a new window admits again");
    }

    @Test
    void keysAreIndependentAndAnyTextIsAKey() {
        RateLimiter.Limit l = new RateLimiter.Limit(1, Duration.ofSeconds(10));
        for (String k : new String[]{"a", "b", "ключ", "{x}:y*", "z".repeat(10_000), ""}) {
            assertTrue(limiter.acquire(prefix + k, l).allowed(), k);
            assertFalse(limiter.acquire(prefix + k, l).allowed(), k);
        }
    }

    @Test
    void concurrentCallersNeverExceedTheLimit() throws Exception {
        RateLimiter.Limit l = new RateLimiter.Limit(100, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            calls.add(() -> {
                int ok = 0;
                for (int i = 0; i < 20; i++) {
                    ok += limiter.acquire(prefix + "shared", l).allowed() ? 1 : 0;
                }
                return ok;
            });
        }
        int admitted = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            admitted += f.get();
        }
        pool.shutdown();
        assertEquals(100, admitted);
        assertTrue(limiter.healthy());
    }
}
