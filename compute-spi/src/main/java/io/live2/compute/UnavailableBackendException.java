package io.live2.compute;

/** A backend was asked for that is unknown or cannot run on this machine; the message says what to do. */
public final class UnavailableBackendException extends RuntimeException {
    public UnavailableBackendException(String message) {
        super(message);
    }
}
