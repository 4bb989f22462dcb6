package io.live2.jobs;

import java.time.Instant;
import java.util.List;

/**
 * What is known about a job: its state, attempt number, progress, timestamps, the cause of the last failure and the
 * history of state transitions (validated: see {@link JobState#next()}).
 *
 * @param attempt      1 for the first run; retries after an interruption increase it
 * @param failureCause null unless the last attempt failed or was interrupted ("runtime limit", "spot interruption", ...)
 * @param costUsd      estimated cost so far (null when the orchestrator cannot tell)
 */
public record JobStatus(String jobId, String userId, JobState state, int attempt, JobProgress progress, Instant createdAt,
                        Instant startedAt, Instant endedAt, Instant updatedAt, String failureCause, Double costUsd,
                        List<Transition> history) {

    /** One state change, with when and why. */
    public record Transition(JobState from, JobState to, Instant at, String reason) {
    }
}
