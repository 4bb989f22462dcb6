package io.live2.server.progress;

import io.live2.server.limits.RedisClients;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The bus replicas share: a job's messages go through the Redis pub/sub channel {@code live:progress:<jobId>}, so an
 * event stream open on any replica sees what any replica publishes. Messages travel as plain UTF-8 strings
 * ({@link StringCodec}) so other tools can read the channel.
 *
 * <p>Order: Redisson hands a channel's messages to its listeners one after another, in arrival order (its
 * {@code keepPubSubOrder} setting, on by default and set by {@link RedisClients#create}); a listener that blocks holds
 * up the channel, which is why listeners must return quickly.
 *
 * <p>{@link #publish} waits for Redis (so one thread's messages leave in order) but never throws: during a Redis
 * outage the message is logged and dropped, as the events are only live hints and the job's state is in the database.
 * {@link #subscribe} does need Redis and throws Redisson's {@code RedisException} when it does not answer.
 *
 * <p>The Redisson client is the caller's; {@link #close()} removes this bus's listeners and leaves the client open.
 */
public final class RedisProgressBus implements ProgressBus {

    static final String CHANNEL_PREFIX = "live:progress:";

    private static final System.Logger LOG = System.getLogger(RedisProgressBus.class.getName());
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    private final RedissonClient redisson;
    private final Set<TopicSubscription> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param redisson the caller's client, left open by {@link #close()} */
    public RedisProgressBus(RedissonClient redisson) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
    }

    @Override
    public void publish(String jobId, String message) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(message, "message");
        if (closed) {
            return;
        }
        try {
            topic(jobId).publish(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not publish a progress message of job " + jobId + " to Redis; dropped", e);
        }
    }

    /** @throws IllegalStateException when the bus is closed */
    @Override
    public Subscription subscribe(String jobId, Consumer<String> listener) {
        Objects.requireNonNull(jobId, "jobId");
        if (closed) {
            throw new IllegalStateException("the progress bus is closed");
        }
        TopicSubscription subscription = new TopicSubscription(jobId, topic(jobId));
        subscription.start(new SafeListener(jobId, listener));
        open.add(subscription);
        if (closed) {
            subscription.close();
        }
        return subscription;
    }

    /** Whether Redis answers within a second; false rather than an exception when it does not. */
    @Override
    public boolean healthy() {
        return !closed && RedisClients.isAnswering(redisson, HEALTH_TIMEOUT);
    }

    /** Removes this bus's listeners; later publications are ignored. */
    @Override
    public void close() {
        closed = true;
        open.forEach(TopicSubscription::close);
    }

    private RTopic topic(String jobId) {
        return redisson.getTopic(CHANNEL_PREFIX + jobId, StringCodec.INSTANCE);
    }

    /**
     * One listener on one channel, removed by its Redisson listener id. The listener also checks the closed flag, so
     * nothing reaches it after {@link #close()} even if Redis could not be told to unsubscribe.
     */
    private final class TopicSubscription implements Subscription {
        private final String jobId;
        private final RTopic topic;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile int listenerId;

        TopicSubscription(String jobId, RTopic topic) {
            this.jobId = jobId;
            this.topic = topic;
        }

        void start(Consumer<String> listener) {
            listenerId = topic.addListener(String.class, (channel, message) -> {
                if (!closed.get()) {
                    listener.accept(message);
                }
            });
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            try {
                topic.removeListener(listenerId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not unsubscribe from job " + jobId + "'s progress channel", e);
            }
        }
    }
}
