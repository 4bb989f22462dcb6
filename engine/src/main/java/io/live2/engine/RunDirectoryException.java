package io.live2.engine;

/**
 * A run directory cannot be used as asked (nothing to resume, a damaged metadata.json, no snapshots to analyse): the
 * message names the file or folder and what is wrong. It is the user's input that is wrong, not the program, so the
 * CLI exits with code 2.
 */
public final class RunDirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunDirectoryException(String message) {
        super(message);
    }

    public RunDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
