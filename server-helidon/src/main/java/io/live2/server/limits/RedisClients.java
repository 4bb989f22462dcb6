package io.live2.server.limits;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Redisson clients with short timeouts, so a Redis that is down answers fast. */
public final class RedisClients {
    private RedisClients() {
    }

    public static RedissonClient connect(String url) {
        Config c = new Config();
        c.useSingleServer().setAddress(url).setConnectTimeout(2000).setTimeout(2000).setRetryAttempts(1);
        return Redisson.create(c);
    }
}
