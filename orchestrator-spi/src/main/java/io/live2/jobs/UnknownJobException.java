package io.live2.jobs;

/** No job with this id. */
public final class UnknownJobException extends RuntimeException {
    public UnknownJobException(String jobId) {
        super("no job with id '" + jobId + "'");
    }
}
