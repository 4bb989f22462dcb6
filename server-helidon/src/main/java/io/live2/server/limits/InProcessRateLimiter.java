package io.live2.server.limits;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window counts in this process (one server); the same windows as the Redis limiter. */
public final class InProcessRateLimiter implements RateLimiter {
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    public InProcessRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        long w = limit.window().toMillis();
        long now = clock.millis();
        long index = now / w;
        long[] c = windows.compute(key, (k, v) -> v == null || v[0] != index ? new long[]{index, 1} : new long[]{index, v[1] + 1});
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] < index);
        }
        if (c[1] <= limit.permits()) {
            return new Decision(true, (int) (limit.permits() - c[1]), 0);
        }
        return new Decision(false, 0, Math.max(1, ((index + 1) * w - now + 999) / 1000));
    }

    @Override
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
