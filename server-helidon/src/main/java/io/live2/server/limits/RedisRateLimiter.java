package io.live2.server.limits;

import org.redisson.api.RedissonClient;

import java.time.Clock;

/** Placeholder until the Redis limiter lands: delegates to an in-process limiter. */
public final class RedisRateLimiter implements RateLimiter {
    private final InProcessRateLimiter local;
    private final RedissonClient redis;

    public RedisRateLimiter(RedissonClient redis, Clock clock) {
        this.redis = redis;
        this.local = new InProcessRateLimiter(clock);
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        return local.acquire(key, limit);
    }

    @Override
    public boolean healthy() {
        return !redis.isShutdown();
    }

    @Override
    public void close() {
    }
}
