package io.live2.server.progress;

import java.util.function.Consumer;

/**
 * Short-lived fan-out of a job's live events (progress and state changes) from whoever learns them (the local
 * orchestrator's listener, the worker callback route) to every open event stream of that job, on any server
 * replica. Nothing is stored: a subscriber sees only what is published after it subscribed (state changes are
 * also kept in the database, which is what a resumed stream replays). Implementations: in-process (one server)
 * and Redis pub/sub (replicas), tested against the same contract.
 */
public interface ProgressBus extends AutoCloseable {

    /** Delivers the message to the job's current subscribers; never throws for delivery problems. */
    void publish(String jobId, String message);

    /**
     * Calls the listener with each message published for the job from now on, in publication order, on a thread of
     * the bus (listeners must return quickly). Close the subscription to stop.
     */
    Subscription subscribe(String jobId, Consumer<String> listener);

    /** Whether the bus's backing store answers (readiness). */
    boolean healthy();

    @Override
    void close();

    /** An active subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
