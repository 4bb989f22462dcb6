package io.live2.server.progress;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Wraps a subscriber's listener so that its exception is logged and stays its own: the bus's delivery thread carries
 * on with the next message and the other subscribers.
 */
final class SafeListener implements Consumer<String> {

    private static final System.Logger LOG = System.getLogger(SafeListener.class.getName());

    private final String jobId;
    private final Consumer<String> listener;

    SafeListener(String jobId, Consumer<String> listener) {
        this.jobId = jobId;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void accept(String message) {
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a progress listener of job " + jobId + " threw; the message is skipped for it", e);
        }
    }
}
