package io.live2.jobs;

/**
 * Receives a job's status changes and progress from the {@link JobRunner} (a worker's callback client, the local
 * orchestrator's bookkeeping). Called on the runner's threads; implementations must not throw for delivery
 * problems (a callback that cannot be delivered never fails the job) and should return quickly.
 */
public interface JobEventListener {
    /** A state transition was applied (the status holds the new state and the full history). */
    default void onStatus(JobStatus status) {
    }

    /** Progress while running, at most about every two seconds (the status holds the new progress). */
    default void onProgress(JobStatus status) {
    }

    /** Waits up to {@code max} for events still being delivered (the worker calls it before it exits). */
    default void flush(java.time.Duration max) {
    }

    JobEventListener NONE = new JobEventListener() {
    };
}
