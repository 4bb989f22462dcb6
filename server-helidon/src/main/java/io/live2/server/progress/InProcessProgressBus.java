package io.live2.server.progress;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The bus for a single server: publishers and subscribers meet in this process's memory.
 *
 * <p>Each subscriber has its own {@link OrderedMailbox} drained on a virtual thread, so it receives a job's messages in
 * publication order, while {@link #publish} only enqueues and never waits for a listener. Subscribers are kept per job
 * only while the job has any: the last unsubscription removes the job's entry, so finished jobs leave nothing behind.
 */
public final class InProcessProgressBus implements ProgressBus {

    /** Undelivered messages one subscriber may have before new ones are dropped for it. */
    static final int MAILBOX_CAPACITY = 10_000;

    private final Map<String, Set<OrderedMailbox>> subscribersByJob = new ConcurrentHashMap<>();
    private final ExecutorService deliveryThreads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    /** A bus with its own delivery threads; {@link #close()} stops them. */
    public InProcessProgressBus() {
    }

    @Override
    public void publish(String jobId, String message) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(message, "message");
        if (closed) {
            return;
        }
        Set<OrderedMailbox> subscribers = subscribersByJob.get(jobId);
        if (subscribers != null) {
            for (OrderedMailbox subscriber : subscribers) {
                subscriber.offer(message);
            }
        }
    }

    /** @throws IllegalStateException when the bus is closed */
    @Override
    public Subscription subscribe(String jobId, Consumer<String> listener) {
        Objects.requireNonNull(jobId, "jobId");
        if (closed) {
            throw new IllegalStateException("the progress bus is closed");
        }
        OrderedMailbox mailbox = new OrderedMailbox(jobId, new SafeListener(jobId, listener), deliveryThreads, MAILBOX_CAPACITY);
        subscribersByJob.compute(jobId, (id, subscribers) -> {
            Set<OrderedMailbox> joined = subscribers == null ? ConcurrentHashMap.newKeySet() : subscribers;
            joined.add(mailbox);
            return joined;
        });
        return () -> unsubscribe(jobId, mailbox);
    }

    /** True until closed: memory has no outage. */
    @Override
    public boolean healthy() {
        return !closed;
    }

    /** Ends every subscription and interrupts listeners still running; later publications are ignored. */
    @Override
    public void close() {
        closed = true;
        subscribersByJob.values().forEach(subscribers -> subscribers.forEach(OrderedMailbox::close));
        subscribersByJob.clear();
        deliveryThreads.shutdownNow();
    }

    /** How many jobs have subscribers now (for tests that unsubscribing leaves nothing behind). */
    int jobsWithSubscribers() {
        return subscribersByJob.size();
    }

    private void unsubscribe(String jobId, OrderedMailbox mailbox) {
        mailbox.close();
        subscribersByJob.computeIfPresent(jobId, (id, subscribers) -> {
            subscribers.remove(mailbox);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }
}
