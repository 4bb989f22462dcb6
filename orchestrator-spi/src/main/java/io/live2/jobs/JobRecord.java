package io.live2.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable, thread-safe book of one job's {@link JobStatus}: applies transitions validated by
 * {@link JobState#next()} (an illegal one throws {@link IllegalStateException} naming both states), keeps the history
 * with timestamps and reasons, the attempt number and the cause of the last failure or interruption.
 *
 * <p>Attempts: the first entry into RUNNING is attempt 1; every later entry into RUNNING (a retry after
 * INTERRUPTED, or a resume after an orchestrator restart) increments it. Interruptions (spot reclaim, SIGTERM,
 * restart) are not failures: a retry budget counts only FAILED attempts, see {@link #failedAttempts()}.
 */
public final class JobRecord {
    private final Clock clock;
    private JobStatus status;

    private JobRecord(JobStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    /** A new job: QUEUED, attempt 1, one history entry (from null). */
    public static JobRecord create(String jobId, String userId, Clock clock) {
        Instant now = clock.instant();
        List<JobStatus.Transition> h = List.of(new JobStatus.Transition(null, JobState.QUEUED, now, "submitted"));
        return new JobRecord(new JobStatus(jobId, userId, JobState.QUEUED, 1, JobProgress.NONE, now, null, null, now,
                null, null, h), clock);
    }

    /** Continues the book of a stored status. */
    public static JobRecord of(JobStatus status, Clock clock) {
        return new JobRecord(status, clock);
    }

    public synchronized JobStatus status() {
        return status;
    }

    public synchronized JobState state() {
        return status.state();
    }

    /**
     * Moves to {@code to}. RUNNING sets startedAt (first time) and increments the attempt when the job has run
     * before; a terminal state sets endedAt; FAILED and INTERRUPTED record the reason as the failure cause.
     */
    public synchronized JobStatus transition(JobState to, String reason) {
        JobState from = status.state();
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("job " + status.jobId() + ": illegal transition " + from.wireName() + " -> "
                    + to.wireName() + " (allowed from " + from.wireName() + ": " + from.next().stream().map(JobState::wireName).toList() + ")");
        }
        Instant now = clock.instant();
        List<JobStatus.Transition> h = new ArrayList<>(status.history());
        h.add(new JobStatus.Transition(from, to, now, reason));
        int attempt = status.attempt();
        if (to == JobState.RUNNING && status.history().stream().anyMatch(t -> t.to() == JobState.RUNNING)) {
            attempt++;
        }
        Instant started = status.startedAt() == null && to == JobState.RUNNING ? now : status.startedAt();
        Instant ended = to.terminal() ? now : null;
        String cause = to == JobState.FAILED || to == JobState.INTERRUPTED ? reason : status.failureCause();
        status = new JobStatus(status.jobId(), status.userId(), to, attempt, status.progress(), status.createdAt(), started,
                ended, now, cause, status.costUsd(), List.copyOf(h));
        return status;
    }

    /** Records progress (no state change). */
    public synchronized JobStatus progress(JobProgress p) {
        status = new JobStatus(status.jobId(), status.userId(), status.state(), status.attempt(), p, status.createdAt(),
                status.startedAt(), status.endedAt(), clock.instant(), status.failureCause(), status.costUsd(), status.history());
        return status;
    }

    /** How many attempts ended FAILED (what a retry budget counts; interruptions are free). */
    public synchronized int failedAttempts() {
        return (int) status.history().stream().filter(t -> t.to() == JobState.FAILED).count();
    }
}
