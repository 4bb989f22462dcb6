package io.live2.server.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fan-out within this process. */
public final class InProcessProgressBus implements ProgressBus {
    private final Map<String, CopyOnWriteArrayList<Consumer<String>>> subs = new ConcurrentHashMap<>();

    @Override
    public void publish(String jobId, String message) {
        var l = subs.get(jobId);
        if (l != null) {
            for (Consumer<String> c : l) {
                try {
                    c.accept(message);
                } catch (RuntimeException ignored) {
                    // one listener's failure does not stop the others
                }
            }
        }
    }

    @Override
    public Subscription subscribe(String jobId, Consumer<String> listener) {
        subs.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> subs.computeIfPresent(jobId, (k, v) -> {
            v.remove(listener);
            return v.isEmpty() ? null : v;
        });
    }

    @Override
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
        subs.clear();
    }
}
