package io.live2.server.limits;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.redisson.api.RedissonClient;

/**
 * The Redis the Redis-backed tests run against, at 127.0.0.1:6379. Under CI (CI=true) a missing Redis fails the test,
 * since CI starts one and a silent skip would hide that it did not; on a developer's machine without Redis the tests
 * are skipped instead.
 */
public final class LocalRedis {

    public static final String URL = "redis://127.0.0.1:6379";

    private LocalRedis() {
    }

    /** A client to the local Redis (the caller shuts it down), or a skip or failure when Redis does not answer. */
    public static RedissonClient connectOrSkip() {
        RedissonClient redisson = RedisClients.create(URL);
        if (RedisClients.isAnswering(redisson, Duration.ofSeconds(3))) {
            return redisson;
        }
        redisson.shutdown();
        String missing = "no Redis answers at " + URL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + " (CI=true, so the Redis tests must run)");
        }
        assumeTrue(false, missing + "; skipping (set CI=true to make this a failure)");
        return redisson;
    }

    /** A client to a port nothing listens on, for the tests of how the adapters behave while Redis is down. */
    public static RedissonClient unreachable() {
        return RedisClients.create("redis://127.0.0.1:1");
    }
}
