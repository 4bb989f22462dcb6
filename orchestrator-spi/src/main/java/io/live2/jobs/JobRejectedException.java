package io.live2.jobs;

/** A job spec or request is invalid or not allowed; the message names the field and the allowed values. */
public class JobRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobRejectedException(String message) {
        super(message);
    }
}
