package io.live2.engine;

/** How a run ended. */
public enum RunStatus {
    /** Reached the requested number of steps. */
    SUCCEEDED,
    /** Stopped on request (SIGTERM, Ctrl-C, cancel) after writing a checkpoint: resumable. */
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
