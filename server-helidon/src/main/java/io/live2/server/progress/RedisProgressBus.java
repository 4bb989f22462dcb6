package io.live2.server.progress;

import org.redisson.api.RedissonClient;

import java.util.function.Consumer;

/** Placeholder until the Redis bus lands. */
public final class RedisProgressBus implements ProgressBus {
    private final InProcessProgressBus local = new InProcessProgressBus();
    private final RedissonClient redis;

    public RedisProgressBus(RedissonClient redis) {
        this.redis = redis;
    }

    @Override
    public void publish(String jobId, String message) {
        local.publish(jobId, message);
    }

    @Override
    public Subscription subscribe(String jobId, Consumer<String> listener) {
        return local.subscribe(jobId, listener);
    }

    @Override
    public boolean healthy() {
        return !redis.isShutdown();
    }

    @Override
    public void close() {
    }
}
