package io.live2.jobs;

/** A job spec or request is invalid or not allowed; the message names the field and the allowed values. */
public final class JobRejectedException extends RuntimeException {
    public JobRejectedException(String message) {
        super(message);
    }
}
