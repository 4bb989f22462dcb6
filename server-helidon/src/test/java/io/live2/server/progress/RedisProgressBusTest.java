package io.live2.server.progress;

import io.live2.server.Services;
import io.live2.server.limits.RedisClients;
import org.junit.jupiter.api.AfterEach;
import org.redisson.api.RedissonClient;

class RedisProgressBusTest extends ProgressBusContract {
    private RedissonClient redis;

    @Override
    ProgressBus create() {
        Services.requireRedis();
        redis = RedisClients.connect(Services.REDIS_URL);
        return new RedisProgressBus(redis);
    }

    @AfterEach
    void shutdown() {
        if (redis != null) {
            redis.shutdown();
        }
    }
}
