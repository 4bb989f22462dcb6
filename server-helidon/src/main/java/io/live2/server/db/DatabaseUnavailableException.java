package io.live2.server.db;

/** The database cannot be reached: requests answer 503 with Retry-After instead of a 500. */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
