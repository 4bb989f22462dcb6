package io.live2.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.live2.server.limits.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/** The Redis limiter against the contract on the local Redis, plus what only Redis has: expiry and outages. */
class RedisRateLimiterTest extends RateLimiterContract {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        redisson = LocalRedis.connectOrSkip();
    }

    @AfterAll
    static void disconnect() {
        if (redisson != null) {
            redisson.shutdown();
        }
    }

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new RedisRateLimiter(redisson, clock);
    }

    @Test
    void aCounterExpiresWhenItsWindowEndsPlusTheGrace() {
        String key = key("expiry");
        Limit perMinute = Limit.perMinute(5);
        limiter.acquire(key, perMinute);
        long index = FixedWindow.containing(clock.millis(), perMinute.window()).index();
        long timeToLive = redisson.getKeys().remainTimeToLive(RedisRateLimiter.redisKey(key, perMinute.window(), index));
        // 20 s into the minute: 40 s left, plus the grace; a little less by the time Redis is asked
        long expected = 40_000 + RedisRateLimiter.CLOCK_SKEW_GRACE.toMillis();
        assertTrue(timeToLive > expected - 5_000 && timeToLive <= expected, "time to live " + timeToLive + " ms");
    }

    @Test
    void realTimeRollsIntoANewWindowThatAdmitsAgain() {
        Clock system = Clock.systemUTC();
        Limit onePerSecond = new Limit(1, Duration.ofSeconds(1));
        String key = key("real-time");
        try (RateLimiter realTime = new RedisRateLimiter(redisson, system)) {
            long window = FixedWindow.containing(system.millis(), onePerSecond.window()).index();
            boolean firstAllowed = realTime.acquire(key, onePerSecond).allowed();
            boolean secondAllowed = realTime.acquire(key, onePerSecond).allowed();
            if (FixedWindow.containing(system.millis(), onePerSecond.window()).index() == window) {
                // both acquisitions fell in one window (the usual case): the first was admitted, the second not
                assertTrue(firstAllowed);
                assertFalse(secondAllowed);
            }
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                while (FixedWindow.containing(system.millis(), onePerSecond.window()).index() <= window + 1) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
            });
            assertTrue(realTime.acquire(key, onePerSecond).allowed());
        }
    }

    @Test
    void closingLeavesTheCallersClientOpen() {
        limiter.close();
        assertFalse(redisson.isShutdown());
        assertTrue(limiter.acquire(key("after-close"), Limit.perMinute(1)).allowed());
    }

    @Test
    void whileRedisIsDownHealthSaysSoAndAcquiringFailsFast() {
        RedissonClient down = LocalRedis.unreachable();
        try (RateLimiter limiter = new RedisRateLimiter(down, clock)) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertFalse(limiter.healthy());
                assertThrows(RedisException.class, () -> limiter.acquire(key("down"), Limit.perMinute(1)));
            });
        } finally {
            down.shutdown();
        }
    }

    @Test
    void theRedisKeyIsShortAndOpaqueWhateverTheClientKey() {
        String redisKey = RedisRateLimiter.redisKey("{x}:" + "y".repeat(10 * 1024), Duration.ofMinutes(1), 7);
        assertTrue(redisKey.matches("live:rl:[0-9a-f]{64}:60000:7"), redisKey);
        assertEquals(redisKey, RedisRateLimiter.redisKey("{x}:" + "y".repeat(10 * 1024), Duration.ofMinutes(1), 7));
    }

    @Test
    void twoReplicasLeasingInBatchesNeverAdmitMoreThanTheLimit() throws Exception {
        Limit large = new Limit(10_000, Duration.ofMinutes(1));
        int batch = RedisRateLimiter.batchFor(large.permits());
        assertTrue(batch > 1, "a large limit is leased in batches: " + batch);
        String key = key("lease");
        RateLimiter a = new RedisRateLimiter(redisson, clock);
        RateLimiter b = new RedisRateLimiter(redisson, clock);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
        for (int t = 0; t < 16; t++) {
            RateLimiter replica = t % 2 == 0 ? a : b;
            calls.add(() -> {
                int ok = 0;
                for (int i = 0; i < 1_000; i++) {
                    ok += replica.acquire(key, large).allowed() ? 1 : 0;
                }
                return ok;
            });
        }
        int admitted = 0;
        for (java.util.concurrent.Future<Integer> f : pool.invokeAll(calls)) {
            admitted += f.get();
        }
        pool.shutdown();
        assertTrue(admitted <= large.permits(), "never over the limit: " + admitted);
        assertTrue(admitted >= large.permits() - 2 * batch, "at most a batch per replica left unused: " + admitted);
    }
}
