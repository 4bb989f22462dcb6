package io.live2.jobs;

import java.util.List;

/**
 * Runs jobs somewhere (this machine, AWS Batch) and tells their status. The SaaS API only calls this SPI.
 * Implementations are found with ServiceLoader through {@link OrchestratorProvider} and chosen by name.
 */
public interface Orchestrator extends AutoCloseable {
    String name();

    /** Queues the job. Rejects a spec whose job id is already known with {@link JobRejectedException}. */
    JobStatus submit(JobSpec spec);

    /** @throws UnknownJobException when no such job exists */
    JobStatus status(String jobId);

    /** All jobs of a user (null: all users), newest first. */
    List<JobStatus> list(String userId);

    /** Cancels while queued; stops while running (what was written is kept). Returns the new status. */
    JobStatus cancel(String jobId);

    /**
     * A sweep: one job per variant (an array job on Batch), at most {@code maxConcurrent} running at once. Each
     * variant's job id is {@code base.jobId() + "-" + index}.
     */
    List<JobStatus> submitSweep(JobSpec base, List<io.live2.model.config.SimulationConfig> variants, int maxConcurrent);

    @Override
    void close();
}
