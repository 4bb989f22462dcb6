package io.live2.jobs;

/**
 * The job id is already known to the orchestrator: a caller that submits again after a crash (it cannot tell
 * whether the first submission arrived) treats this as "already submitted", not as a refusal.
 */
public final class DuplicateJobException extends JobRejectedException {
    private static final long serialVersionUID = 1L;

    /** @param message names the job id and where it is already known */
    public DuplicateJobException(String message) {
        super(message);
    }
}
