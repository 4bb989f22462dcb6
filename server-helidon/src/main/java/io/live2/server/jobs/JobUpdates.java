package io.live2.server.jobs;

import io.live2.jobs.JobEventListener;
import io.live2.jobs.JobProgress;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.Json;
import io.live2.server.progress.ProgressBus;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the server learns what its jobs do: the local orchestrator's events, the workers' signed callbacks and the
 * reconciler all end here. A state change is written to the database (with an event row) and announced on the
 * {@link ProgressBus}; progress is written to the job row and published for the live streams.
 */
public final class JobUpdates implements JobEventListener {
    private static final Logger LOG = Logger.getLogger(JobUpdates.class.getName());
    private final JobRepository jobs;
    private final ProgressBus bus;
    private final Clock clock;
    private volatile java.util.function.Consumer<JobRow> finished = j -> {
    };
    private volatile java.util.function.Consumer<JobRow> succeeded = j -> {
    };

    public JobUpdates(JobRepository jobs, ProgressBus bus, Clock clock) {
        this.jobs = jobs;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public void onStatus(JobStatus status) {
        try {
            apply(status);
        } catch (RuntimeException e) {
            // the reconciler applies it later from the orchestrator's own record
            LOG.log(Level.WARNING, "cannot record the state of job " + status.jobId() + " now: " + e);
        }
    }

    @Override
    public void onProgress(JobStatus status) {
        try {
            progress(status.jobId(), status.progress());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "progress of job " + status.jobId() + " dropped: " + e);
        }
    }

    /** Applies an orchestrator status (state, attempt, times, progress). */
    public void apply(JobStatus s) {
        Optional<JobRow> row = jobs.internalGet(s.jobId());
        if (row.isEmpty()) {
            return; // not a job of this server (another environment sharing the orchestrator)
        }
        JobRow before = row.get();
        String status = s.state().wireName();
        if (isFinal(before.status()) && !before.status().equals(status)) {
            return; // a final state is final: a late event of an earlier attempt changes nothing
        }
        boolean changed = jobs.applyState(before, status, s.attempt(), s.failureCause(), millis(s.startedAt()),
                millis(s.endedAt()), clock.millis());
        if (s.progress() != null && s.progress().totalSteps() > 0) {
            jobs.applyProgress(s.jobId(), s.progress().step(), s.progress().totalSteps(), s.progress().stepsPerSecond(),
                    s.progress().species(), clock.millis());
        }
        if (changed) {
            published(s.jobId(), status);
        }
    }

    /**
     * Applies a worker's callback: the state when it changed (start and end times from now), and the progress.
     */
    public void applyCallback(String jobId, String state, int attempt, String cause, JobProgress p) {
        Optional<JobRow> row = jobs.internalGet(jobId);
        if (row.isEmpty()) {
            return;
        }
        JobRow before = row.get();
        if (state != null && !state.equals(before.status()) && !isFinal(before.status())) {
            long now = clock.millis();
            Long started = before.startedAt() == null && state.equals("running") ? Long.valueOf(now) : before.startedAt();
            Long ended = isFinal(state) ? Long.valueOf(now) : null;
            if (jobs.applyState(before, state, Math.max(attempt, before.attempt()), cause, started, ended, now)) {
                published(jobId, state);
            }
        }
        if (p != null && p.totalSteps() > 0) {
            progress(jobId, p);
        }
    }

    void progress(String jobId, JobProgress p) {
        jobs.applyProgress(jobId, p.step(), p.totalSteps(), p.stepsPerSecond(), p.species(), clock.millis());
        bus.publish(jobId, Json.write(Json.object().put("type", "progress").put("step", p.step()).put("total_steps", p.totalSteps())
                .put("percent", p.percent()).put("steps_per_second", p.stepsPerSecond()).put("species", p.species())
                .put("molecules", p.species()).put("bonds", p.bonds()).put("temperature", p.temperature())));
    }

    /** Called with the stored job each time a job reaches succeeded (metrics). */
    public void onSucceeded(java.util.function.Consumer<JobRow> c) {
        this.succeeded = c;
    }

    /**
     * Called with the stored job each time a job reaches a final state (succeeded, failed, canceled): billing frees
     * its parallel slot and records what it actually used. Called once per change of state, so at most once per job.
     */
    public void onFinished(java.util.function.Consumer<JobRow> c) {
        this.finished = c;
    }

    /** Tells the job's live streams that its state changed (they read the new state from the database). */
    void published(String jobId, String newStatus) {
        bus.publish(jobId, "{\"type\":\"status\"}");
        if (!isFinal(newStatus)) {
            return; // only an ending is measured and billed; no other change needs the stored job read back
        }
        jobs.internalGet(jobId).ifPresent(j -> {
            try {
                finished.accept(j);
            } catch (RuntimeException e) {
                // the next start-up's repair frees a slot left taken (LiveServer.repairSlots); worth a warning
                LOG.log(Level.WARNING, "billing of finished job " + jobId + ": " + e);
            }
            if (newStatus.equals("succeeded")) {
                try {
                    succeeded.accept(j);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "metrics of job " + jobId + ": " + e);
                }
            }
        });
    }

    void fail(JobRow row, String cause) {
        if (jobs.applyState(row, "failed", row.attempt(), cause, row.startedAt(), clock.millis(), clock.millis())) {
            published(row.id(), "failed");
        }
    }

    void cancelUnsubmitted(JobRow row) {
        if (jobs.applyState(row, "canceled", row.attempt(), "canceled by user", row.startedAt(), clock.millis(), clock.millis())) {
            published(row.id(), "canceled");
        }
    }

    static boolean isFinal(String status) {
        return JobState.ofWire(status).terminal();
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
