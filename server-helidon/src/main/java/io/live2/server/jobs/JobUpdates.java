package io.live2.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.JobEventListener;
import io.live2.jobs.JobProgress;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.jobs.LiveFrame;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.Json;
import io.live2.server.progress.ProgressBus;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the server learns what its jobs do: the local orchestrator's events, the workers' signed callbacks and the
 * reconciler all end here. A state change is written to the database (with an event row) and announced on the
 * {@link ProgressBus}; progress is written to the job row and published for the live streams.
 *
 * <p>Live frames (GET /jobs/{id}/frames): the local orchestrator asks {@link #wantsFrames} and hands its frames here;
 * they are encoded off the simulation thread, published on the bus topic {@code "frames:" + jobId} (never on the
 * job's own topic, so the progress streams never carry them) and the newest is held per running job for viewers
 * that arrive later, dropped when the job stops running. A job is watched while a frame stream on this replica is
 * open, or for {@link #WATCH_TTL_NANOS} after a stream anywhere said so on {@code "frames-watch:" + jobId} (each
 * stream says so every few seconds; this replica listens for it only while it runs the job).
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

    /** Bus topic of a job's frames (the wire JSON of {@link FrameCodec}). */
    static final String FRAMES = "frames:";
    /** Bus topic on which frame streams say they watch a job. */
    static final String WATCH = "frames-watch:";
    /** How long one watch message keeps a job's frames coming (streams repeat it every few seconds). */
    static final long WATCH_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final ConcurrentHashMap<String, AtomicInteger> watchers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> watchedUntil = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ProgressBus.Subscription> running = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> newestFrame = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LiveFrame> pendingFrame = new ConcurrentHashMap<>();
    private final Set<String> encoding = ConcurrentHashMap.newKeySet();
    private final ExecutorService encoder = Executors.newVirtualThreadPerTaskExecutor();

    public JobUpdates(JobRepository jobs, ProgressBus bus, Clock clock) {
        this.jobs = jobs;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public void onStatus(JobStatus status) {
        runningHere(status.jobId(), status.state() == JobState.RUNNING);
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

    @Override
    public boolean wantsFrames(String jobId) {
        AtomicInteger n = watchers.get(jobId);
        if (n != null && n.get() > 0) {
            return true;
        }
        Long until = watchedUntil.get(jobId);
        return until != null && System.nanoTime() - until < 0;
    }

    /** On the simulation thread: keep the newest frame and let a virtual thread encode and publish it. */
    @Override
    public void onFrame(String jobId, LiveFrame frame) {
        pendingFrame.put(jobId, frame);
        if (encoding.add(jobId)) {
            encoder.execute(() -> publishFrames(jobId));
        }
    }

    private void publishFrames(String jobId) {
        do {
            try {
                LiveFrame f;
                while ((f = pendingFrame.remove(jobId)) != null) {
                    String json = FrameCodec.toJson(f);
                    if (running.containsKey(jobId)) {
                        newestFrame.put(jobId, json);
                        if (!running.containsKey(jobId)) {
                            newestFrame.remove(jobId); // the job stopped meanwhile: hold nothing for it
                        }
                    }
                    bus.publish(FRAMES + jobId, json);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "frame of job " + jobId + " dropped: " + e);
            } finally {
                encoding.remove(jobId);
            }
            // a frame put after the loop's last look and before the flag was cleared would wait for the next one
        } while (pendingFrame.containsKey(jobId) && encoding.add(jobId));
    }

    /** The newest frame of a job running on this replica (wire JSON), if one was taken. */
    public Optional<String> newestFrame(String jobId) {
        return Optional.ofNullable(newestFrame.get(jobId));
    }

    /**
     * A frame stream opens: frames are taken while it is open. Tells the bus too, so the replica that runs the job
     * hears of a viewer on another one; call {@link #stillWatching} every few seconds while open.
     *
     * @return closes the watch
     */
    public FrameWatch watchFrames(String jobId) {
        watchers.computeIfAbsent(jobId, k -> new AtomicInteger()).incrementAndGet();
        stillWatching(jobId);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                watchers.computeIfPresent(jobId, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        };
    }

    /** An open frame stream's interest in a job; closing it twice is harmless. */
    public interface FrameWatch extends AutoCloseable {
        @Override
        void close();
    }

    /** Renews a stream's watch on the bus (for a job run by another replica). */
    public void stillWatching(String jobId) {
        bus.publish(WATCH + jobId, "{\"type\":\"watch\"}");
    }

    /** The local orchestrator runs the job here (or stopped): listen for viewers, or forget its frames. */
    private void runningHere(String jobId, boolean isRunning) {
        if (isRunning) {
            running.computeIfAbsent(jobId, id -> {
                try {
                    return bus.subscribe(WATCH + id, m -> watchedUntil.put(id, System.nanoTime() + WATCH_TTL_NANOS));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "viewers of job " + id + " on other replicas are not heard: " + e);
                    return () -> {
                    };
                }
            });
        } else {
            ProgressBus.Subscription sub = running.remove(jobId);
            if (sub != null) {
                sub.close();
            }
            newestFrame.remove(jobId);
            watchedUntil.remove(jobId);
            pendingFrame.remove(jobId);
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

    /**
     * Records and publishes progress. {@link JobProgress#species} is the number of molecules in the box, sent as
     * "molecules"; no reporter counts distinct species yet, so "species" is left out rather than repeating it.
     * Temperature and bonds are 0 when the reporter does not give them (a worker's callback): they are sent as null
     * then, not as a measured 0 (a running local job always reports both).
     */
    void progress(String jobId, JobProgress p) {
        jobs.applyProgress(jobId, p.step(), p.totalSteps(), p.stepsPerSecond(), p.species(), clock.millis());
        ObjectNode m = Json.object().put("type", "progress").put("step", p.step()).put("total_steps", p.totalSteps())
                .put("percent", p.percent()).put("steps_per_second", p.stepsPerSecond()).put("molecules", p.species());
        if (p.bonds() == 0) {
            m.putNull("bonds");
        } else {
            m.put("bonds", p.bonds());
        }
        if (p.temperature() == 0) {
            m.putNull("temperature");
        } else {
            m.put("temperature", p.temperature());
        }
        bus.publish(jobId, Json.write(m));
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
