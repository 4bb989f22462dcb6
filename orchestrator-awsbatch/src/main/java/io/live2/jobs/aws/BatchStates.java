package io.live2.jobs.aws;

import io.live2.jobs.JobProgress;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;

/**
 * Batch job states → {@link JobState} (docs/jobs-aws.md has the table):
 * SUBMITTED, PENDING, RUNNABLE → queued (attempt = finished attempts + 1; earlier attempts that ended in a host/spot
 * termination or exit code 3 appear in the history as interrupted → queued); STARTING, RUNNING → running;
 * SUCCEEDED → succeeded; FAILED → canceled when our cancel reason is the status reason, interrupted when the last
 * attempt was a host/spot termination or exit code 3 (Batch's retries are used up; the API may resubmit from the
 * checkpoint), failed otherwise ("runtime limit" when the attempt timed out).
 */
public final class BatchStates {
    /** The reason this orchestrator gives CancelJob/TerminateJob; FAILED with it means canceled. */
    public static final String CANCEL_REASON = "live: canceled by user";
    /** The worker's exit code for "interrupted, checkpointed, resume me". */
    public static final int EXIT_INTERRUPTED = 3;
    /** Batch's status reason when an attempt ran past timeout.attemptDurationSeconds. */
    public static final String TIMEOUT_REASON = "Job attempt duration exceeded timeout";

    private BatchStates() {
    }

    /** The state for a bare Batch status (no attempts, no reason). */
    public static JobState stateOf(JobStatus batch) {
        return switch (batch) {
            case SUBMITTED, PENDING, RUNNABLE -> JobState.QUEUED;
            case STARTING, RUNNING -> JobState.RUNNING;
            case SUCCEEDED -> JobState.SUCCEEDED;
            case FAILED -> JobState.FAILED;
            default -> throw new IllegalArgumentException("unknown Batch job status " + batch);
        };
    }

    /** True when an attempt ended by host/spot termination or by the worker's "interrupted" exit code. */
    public static boolean interrupted(AttemptDetail a) {
        String sr = a.statusReason() == null ? "" : a.statusReason();
        Integer exit = a.container() == null ? null : a.container().exitCode();
        return sr.startsWith("Host EC2") || sr.contains("Spot") || (exit != null && exit == EXIT_INTERRUPTED);
    }

    static String cause(AttemptDetail a) {
        String sr = a.statusReason() == null ? "" : a.statusReason();
        Integer exit = a.container() == null ? null : a.container().exitCode();
        String reason = a.container() == null || a.container().reason() == null ? "" : a.container().reason();
        if (sr.startsWith("Host EC2") || sr.contains("Spot")) {
            return "spot interruption: " + sr;
        }
        if (exit != null && exit == EXIT_INTERRUPTED) {
            return "interrupted (exit code 3, checkpointed)";
        }
        StringBuilder b = new StringBuilder(sr.isEmpty() ? "failed" : sr);
        if (exit != null) {
            b.append(" (exit code ").append(exit).append(')');
        }
        if (!reason.isEmpty()) {
            b.append(": ").append(reason);
        }
        return b.toString();
    }

    private static Instant at(Long millis) {
        return millis == null || millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** Maps a DescribeJobs job detail to the SPI's status. */
    public static io.live2.jobs.JobStatus map(String jobId, String userId, JobDetail d) {
        return map(jobId, userId, d, null);
    }

    /** As {@link #map(String, String, JobDetail)}, with the job's estimated cost so far (USD, null when unknown). */
    public static io.live2.jobs.JobStatus map(String jobId, String userId, JobDetail d, Double costUsd) {
        List<AttemptDetail> attempts = d.hasAttempts() ? d.attempts() : List.of();
        JobStatus batch = d.status();
        String statusReason = d.statusReason() == null ? "" : d.statusReason();
        Instant created = at(d.createdAt());
        Instant started = attempts.isEmpty() ? at(d.startedAt()) : at(attempts.get(0).startedAt());
        Instant stopped = at(d.stoppedAt());
        boolean terminal = batch == JobStatus.SUCCEEDED || batch == JobStatus.FAILED;

        List<Transition> history = new ArrayList<>();
        JobState cur = JobState.QUEUED;
        history.add(new Transition(null, JobState.QUEUED, created, "submitted to " + d.jobQueue()));
        // every finished attempt but the last of a terminal job was retried by Batch: running → interrupted → queued
        int retried = terminal ? Math.max(0, attempts.size() - 1) : attempts.size();
        String cause = null;
        for (int i = 0; i < retried; i++) {
            AttemptDetail a = attempts.get(i);
            history.add(new Transition(JobState.QUEUED, JobState.RUNNING, at(a.startedAt()), "attempt " + (i + 1)));
            cause = cause(a);
            history.add(new Transition(JobState.RUNNING, JobState.INTERRUPTED, at(a.stoppedAt()), cause));
            history.add(new Transition(JobState.INTERRUPTED, JobState.QUEUED, at(a.stoppedAt()), "retried by Batch"));
        }
        int attempt;
        JobState state;
        if (!terminal) {
            attempt = attempts.size() + 1;
            state = stateOf(batch);
            if (state == JobState.RUNNING) {
                history.add(new Transition(cur, JobState.RUNNING, at(d.startedAt()), "attempt " + attempt + " " + batch));
            }
        } else {
            attempt = Math.max(1, attempts.size());
            AttemptDetail last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            if (last != null) {
                history.add(new Transition(JobState.QUEUED, JobState.RUNNING, at(last.startedAt()), "attempt " + attempt));
                cur = JobState.RUNNING;
            }
            if (batch == JobStatus.SUCCEEDED) {
                state = JobState.SUCCEEDED;
                cause = null;
            } else if (statusReason.startsWith(CANCEL_REASON)) {
                state = JobState.CANCELED;
                cause = CANCEL_REASON;
            } else if (last != null && interrupted(last)) {
                state = JobState.INTERRUPTED;
                cause = cause(last) + " (Batch retries used up)";
            } else if (statusReason.contains(TIMEOUT_REASON) || (last != null && last.statusReason() != null
                    && last.statusReason().contains(TIMEOUT_REASON))) {
                state = JobState.FAILED;
                cause = "runtime limit";
            } else {
                state = JobState.FAILED;
                cause = last != null ? cause(last) : (statusReason.isEmpty() ? "failed" : statusReason);
            }
            history.add(new Transition(cur, state, stopped, cause == null ? "exit code 0" : cause));
        }
        Instant updated = history.stream().map(Transition::at).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(created);
        return new io.live2.jobs.JobStatus(jobId, userId, state, attempt, JobProgress.NONE, created,
                state == JobState.QUEUED && attempts.isEmpty() ? null : started, terminal ? stopped : null, updated, cause,
                costUsd, List.copyOf(history));
    }
}
