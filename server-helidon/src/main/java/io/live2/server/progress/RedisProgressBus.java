package io.live2.server.progress;

import io.live2.server.limits.RedisClients;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.MessageListener;
import org.redisson.client.codec.StringCodec;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live-progress fan-out across replicas: Redis pub/sub (Redisson RTopic) on channel {@code live:progress:<job>}.
 * A stream open on replica A sees what a callback delivered to replica B. Publishing never throws: a lost
 * progress message is superseded by the next, and state changes are re-read from the database anyway.
 */
public final class RedisProgressBus implements ProgressBus {
    private static final Logger LOG = Logger.getLogger(RedisProgressBus.class.getName());
    private final RedissonClient redis;

    public RedisProgressBus(RedissonClient redis) {
        this.redis = redis;
    }

    private RTopic topic(String jobId) {
        return redis.getTopic("live:progress:" + jobId, StringCodec.INSTANCE);
    }

    @Override
    public void publish(String jobId, String message) {
        try {
            topic(jobId).publish(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "progress of " + jobId + " not published: " + e);
        }
    }

    @Override
    public Subscription subscribe(String jobId, Consumer<String> listener) {
        RTopic t = topic(jobId);
        MessageListener<String> l = (channel, msg) -> {
            try {
                listener.accept(msg);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a progress listener failed: " + e);
            }
        };
        int id = t.addListener(String.class, l);
        return () -> {
            try {
                t.removeListener(id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unsubscribe from " + jobId + " failed: " + e);
            }
        };
    }

    @Override
    public boolean healthy() {
        return RedisClients.ping(redis);
    }

    @Override
    public void close() {
        // the client belongs to the server, which shuts it down once
    }
}
