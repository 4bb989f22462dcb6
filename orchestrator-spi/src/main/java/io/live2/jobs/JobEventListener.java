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

    /**
     * Whether someone watches the job's live frames now. Asked on the simulation thread before each frame (at most
     * about every 250 ms), so it must be cheap; false (the default) means no frame is built at all.
     */
    default boolean wantsFrames(String jobId) {
        return false;
    }

    /**
     * A live frame of a running job (at most {@link LiveFrame#MAX_ATOMS} atoms), sent only while {@link #wantsFrames}
     * answers true. Called on the simulation thread: hand heavy work (encoding, network) to another thread.
     */
    default void onFrame(String jobId, LiveFrame frame) {
    }

    /** Waits up to {@code max} for events still being delivered (the worker calls it before it exits). */
    default void flush(java.time.Duration max) {
    }

    JobEventListener NONE = new JobEventListener() {
    };
}
