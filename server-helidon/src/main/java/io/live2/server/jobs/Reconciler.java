package io.live2.server.jobs;

import io.live2.jobs.JobSpecJson;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.UnknownJobException;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compares every unfinished job in the database with the orchestrator, at start-up and then on a schedule: a job
 * committed but never handed over is submitted; a state the server missed (a lost callback, a restart) is applied;
 * a submitted job the orchestrator no longer knows is submitted again from its stored spec (the runner resumes
 * from the job's checkpoint in the artifact store). So a lost callback or a killed server loses no job.
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private final JobRepository jobs;
    private final Orchestrator orchestrator;
    private final JobService service;
    private final JobUpdates updates;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-reconciler");
        t.setDaemon(true);
        return t;
    });

    public Reconciler(JobRepository jobs, Orchestrator orchestrator, JobService service, JobUpdates updates) {
        this.jobs = jobs;
        this.orchestrator = orchestrator;
        this.service = service;
        this.updates = updates;
    }

    private volatile Runnable afterPass = () -> {
    };

    /** Something that also runs after every pass (the admission ledger's repair of stale slots). */
    public void afterEachPass(Runnable r) {
        this.afterPass = r;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::safePass, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safePass() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciliation pass failed (next pass retries): " + e);
        }
    }

    /** One pass over the unfinished jobs; returns how many it looked at. */
    public int pass() {
        int n = 0;
        for (JobRow row : jobs.unfinished()) {
            n++;
            try {
                if (!row.submitted()) {
                    service.hand(row);
                    continue;
                }
                updates.apply(orchestrator.status(row.id()));
            } catch (UnknownJobException e) {
                LOG.warning("job " + row.id() + " is unknown to the orchestrator; submitting it again from its stored spec");
                orchestrator.submit(JobSpecJson.parse(row.spec()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot reconcile job " + row.id() + " now: " + e);
            }
        }
        afterPass.run();
        return n;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
