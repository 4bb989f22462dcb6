package io.live2.server.limits;

import io.live2.server.Services;
import org.redisson.api.RedissonClient;

/**
 * The Redis the Redis-backed tests run against, at 127.0.0.1:6379. Under CI (CI=true) a missing Redis fails the test,
 * since CI starts one and a silent skip would hide that it did not; on a developer's machine without Redis the tests
 * are skipped instead.
 */
public final class LocalRedis {

    public static final String URL = Services.REDIS_URL;

    private LocalRedis() {
    }

    /** A client to the local Redis (the caller shuts it down); without Redis, a failure under CI, else a skip. */
    public static RedissonClient connectOrSkip() {
        Services.requireRedis();
        return RedisClients.create(URL);
    }

    /** A client to a port nothing listens on, for the tests of how the adapters behave while Redis is down. */
    public static RedissonClient unreachable() {
        return RedisClients.create("redis://127.0.0.1:1");
    }
}
