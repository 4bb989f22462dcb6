package io.live2.server.limits;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limiter for a single server: counts live in this process's memory, so replicas do not share them (use
 * {@link RedisRateLimiter} there).
 *
 * <p>Memory stays bounded because keys come from clients ("ip:..." for anyone): windows that have ended are dropped
 * (at most once a second of clock time, so a flood of new keys does not rescan the table on every request), and when
 * more than {@code maxKeys} keys are still tracked the least recently used are forgotten. A forgotten key starts again
 * at zero, so the cap trades a little over-admission under a key flood for a fixed memory ceiling.
 *
 * <p>One lock guards the table: an acquisition is a hash lookup and an increment, far cheaper than the request it
 * guards, and a single lock keeps the count, the recency order and the eviction consistent without subtlety.
 */
public final class InProcessRateLimiter implements RateLimiter {

    /** The default cap on tracked keys (each costs roughly 200 bytes plus the key). */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private static final long EXPIRY_SWEEP_INTERVAL_MILLIS = 1_000;

    private final Clock clock;
    private final int maxKeys;
    private final Object lock = new Object();
    /** Access-ordered, so the first entry is the least recently used. Guarded by {@link #lock}. */
    private final LinkedHashMap<Bucket, Counter> counters = new LinkedHashMap<>(64, 0.75f, true);
    /** Guarded by {@link #lock}. */
    private long nextExpirySweepMillis = Long.MIN_VALUE;

    /** A limiter on the given clock (tests move a clock of their own) tracking at most {@link #DEFAULT_MAX_KEYS}. */
    public InProcessRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_KEYS);
    }

    /** @param maxKeys 1.. keys tracked at once; beyond it the least recently used key is forgotten */
    public InProcessRateLimiter(Clock clock, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys: " + maxKeys + " is out of range; allowed 1.." + Integer.MAX_VALUE);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    /** The production limiter: UTC system clock, {@link #DEFAULT_MAX_KEYS}. */
    public static InProcessRateLimiter withSystemClock() {
        return new InProcessRateLimiter(Clock.systemUTC());
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        long nowMillis = clock.millis();
        FixedWindow window = FixedWindow.containing(nowMillis, limit.window());
        long count;
        synchronized (lock) {
            if (nowMillis >= nextExpirySweepMillis) {
                dropEndedWindows(nowMillis);
            }
            Bucket bucket = new Bucket(key, limit.window().toMillis());
            Counter counter = counters.get(bucket);
            if (counter == null) {
                counter = new Counter(window);
                counters.put(bucket, counter);
                forgetLeastRecentlyUsedBeyondCap();
            } else if (counter.windowIndex != window.index()) {
                counter.restartIn(window);
            }
            count = ++counter.count;
        }
        return window.decisionFor(count, limit.permits());
    }

    /** Always true: memory has no outage. */
    @Override
    public boolean healthy() {
        return true;
    }

    /** Forgets all counts; the limiter stays usable (it holds no threads or connections). */
    @Override
    public void close() {
        synchronized (lock) {
            counters.clear();
        }
    }

    /** How many keys are tracked now (for tests of the memory bound). */
    int trackedKeys() {
        synchronized (lock) {
            return counters.size();
        }
    }

    private void dropEndedWindows(long nowMillis) {
        counters.values().removeIf(counter -> counter.windowEndMillis <= nowMillis);
        nextExpirySweepMillis = nowMillis + EXPIRY_SWEEP_INTERVAL_MILLIS;
    }

    private void forgetLeastRecentlyUsedBeyondCap() {
        Iterator<Map.Entry<Bucket, Counter>> oldestFirst = counters.entrySet().iterator();
        while (counters.size() > maxKeys && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** One count per key and window length, so a key limited per minute and per hour keeps two counts. */
    private record Bucket(String key, long windowMillis) {
    }

    /** The count in the window a key was last seen in. Guarded by the limiter's lock. */
    private static final class Counter {
        long windowIndex;
        long windowEndMillis;
        long count;

        Counter(FixedWindow window) {
            restartIn(window);
        }

        void restartIn(FixedWindow window) {
            windowIndex = window.index();
            windowEndMillis = window.endMillis();
            count = 0;
        }
    }
}
