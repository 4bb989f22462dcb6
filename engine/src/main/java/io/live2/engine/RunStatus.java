package io.live2.engine;

/** How a run ended. */
public enum RunStatus {
    /** Reached the requested number of steps. */
    SUCCEEDED,
    /** Stopped on request (SIGTERM, Ctrl-C, cancel) after writing a checkpoint: resumable. */
    INTERRUPTED,
    /**
     * The per-step check or an error stopped the run (logs/failure.json says why); the checkpoints written before
     * are intact, so it can be resumed, e.g. with a smaller timestep.
     */
    FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
