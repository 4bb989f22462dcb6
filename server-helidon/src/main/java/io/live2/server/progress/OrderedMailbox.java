package io.live2.server.progress;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One subscriber's queue of undelivered messages, drained by at most one task at a time so the subscriber sees them in
 * the order they were offered. Offering only enqueues, so a slow subscriber delays itself, never the publisher or the
 * other subscribers. The queue is bounded: a subscriber that stops consuming loses new messages (with a warning)
 * instead of growing the heap.
 */
final class OrderedMailbox {

    private static final System.Logger LOG = System.getLogger(OrderedMailbox.class.getName());

    private final String jobId;
    private final Consumer<String> listener;
    private final Executor deliveryThreads;
    private final int capacity;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private volatile boolean closed;

    /** @param listener must not throw (wrap it in {@link SafeListener}) */
    OrderedMailbox(String jobId, Consumer<String> listener, Executor deliveryThreads, int capacity) {
        this.jobId = jobId;
        this.listener = listener;
        this.deliveryThreads = deliveryThreads;
        this.capacity = capacity;
    }

    void offer(String message) {
        if (closed) {
            return;
        }
        if (pendingCount.incrementAndGet() > capacity) {
            pendingCount.decrementAndGet();
            if (overflowing.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "a progress listener of job " + jobId + " has " + capacity
                        + " undelivered messages; dropping new ones until it catches up");
            }
            return;
        }
        overflowing.set(false);
        pending.add(message);
        drainUnlessDraining();
    }

    /** Stops delivery: nothing is delivered after this returns, except a message whose delivery already began. */
    void close() {
        closed = true;
        pending.clear();
    }

    private void drainUnlessDraining() {
        if (closed || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            deliveryThreads.execute(this::drain);
        } catch (RejectedExecutionException busClosed) {
            draining.set(false);
        }
    }

    private void drain() {
        try {
            String message;
            while (!closed && (message = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                listener.accept(message);
            }
        } finally {
            draining.set(false);
        }
        // a message offered after the last poll but before draining was cleared found the mailbox busy: pick it up
        if (!pending.isEmpty()) {
            drainUnlessDraining();
        }
    }
}
