package io.live2.jobs.aws;

import io.live2.jobs.JobEventListener;
import io.live2.jobs.JobStatus;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker's callback listener: {@link CallbackClient} (signed, retried with backoff) run on its own daemon thread,
 * so a slow or unreachable API never stalls the simulation. Status events are queued in order; of the progress
 * events waiting to be sent only the newest is kept (it supersedes the others).
 */
final class SignedCallbackListener implements JobEventListener {
    private final CallbackClient client;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-callback");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<JobStatus> pendingProgress = new AtomicReference<>();

    SignedCallbackListener(CallbackClient client) {
        this.client = client;
    }

    @Override
    public void onStatus(JobStatus status) {
        sender.execute(() -> client.onStatus(status));
    }

    @Override
    public void onProgress(JobStatus status) {
        if (pendingProgress.getAndSet(status) == null) {
            sender.execute(() -> {
                JobStatus latest = pendingProgress.getAndSet(null);
                if (latest != null) {
                    client.onProgress(latest);
                }
            });
        }
    }

    @Override
    public void flush(Duration max) {
        sender.shutdown();
        try {
            sender.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
