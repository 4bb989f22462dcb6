package io.live2.server.limits;

import io.live2.server.Services;
import org.junit.jupiter.api.AfterEach;
import org.redisson.api.RedissonClient;

import java.time.Clock;

class RedisRateLimiterTest extends RateLimiterContract {
    private RedissonClient redis;

    @Override
    RateLimiter create(Clock clock) {
        Services.requireRedis();
        redis = RedisClients.connect(Services.REDIS_URL);
        return new RedisRateLimiter(redis, clock);
    }

    @AfterEach
    void shutdown() {
        if (redis != null) {
            redis.shutdown();
        }
    }
}
