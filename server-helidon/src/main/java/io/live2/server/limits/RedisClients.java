package io.live2.server.limits;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Redisson clients with short timeouts, so a Redis that is down answers requests fast instead of holding them. */
public final class RedisClients {
    private RedisClients() {
    }

    /** @param url redis://host:port or rediss://… (user and password in the URL when Redis needs them) */
    public static RedissonClient connect(String url) {
        Config c = new Config();
        c.useSingleServer().setAddress(url).setConnectTimeout(2000).setTimeout(2000).setRetryAttempts(1)
                .setConnectionMinimumIdleSize(4).setConnectionPoolSize(64);
        return Redisson.create(c);
    }

    /** Readiness: Redis answers a PING within the client's timeout. */
    public static boolean ping(RedissonClient redis) {
        try {
            return !redis.isShutdown() && redis.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).pingAll();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
