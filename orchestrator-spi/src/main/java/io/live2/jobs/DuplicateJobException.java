package io.live2.jobs;

/**
 * The job id is already known to the orchestrator: a caller that submits again after a crash (it cannot tell
 * whether the first submission arrived) treats this as "already submitted", not as a refusal.
 */
public final class DuplicateJobException extends JobRejectedException {
    private static final long serialVersionUID = 1L;

    public DuplicateJobException(String jobId) {
        super("job_id: '" + jobId + "' already exists; job ids are unique");
    }
}
