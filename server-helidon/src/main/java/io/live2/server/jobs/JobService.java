package io.live2.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.DuplicateJobException;
import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpecJson;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.UnknownJobException;
import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.server.auth.Secrets;
import io.live2.billing.Capacity;
import io.live2.server.billing.Admission;
import io.live2.server.billing.UsagePeriods;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.db.UsagePeriodRepository;
import io.live2.server.http.ApiException;
import io.live2.server.http.JsonBody;
import io.live2.server.settings.ServerSettings;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Admits, lists and cancels jobs. Admission: the simulation config is validated exactly as {@code live run --config}
 * validates it, the estimate and guardrails are consulted, and the job is committed to the database (with its
 * idempotency key) before the orchestrator hears of it; the reconciler submits any committed job the orchestrator
 * never accepted, so a 201 is never lost.
 */
public final class JobService {
    private static final Logger LOG = Logger.getLogger(JobService.class.getName());
    private final JobRepository jobs;
    private final Orchestrator orchestrator;
    private final UsagePeriodRepository periods;
    private final Admission admission;
    private final ServerSettings settings;
    private final Clock clock;
    private final JobUpdates updates;

    public JobService(JobRepository jobs, UsagePeriodRepository periods, Orchestrator orchestrator,
                      Admission admission, ServerSettings settings, Clock clock, JobUpdates updates) {
        this.jobs = jobs;
        this.periods = periods;
        this.orchestrator = orchestrator;
        this.admission = admission;
        this.settings = settings;
        this.clock = clock;
        this.updates = updates;
    }

    /** A validated submission; {@code capacity} null: the tier's default. */
    public record Submission(SimulationConfig config, Capacity capacity, String idempotencyKey) {
    }

    public static Submission parse(JsonBody body) {
        ObjectNode sim = body.object("simulation");
        String capacityName = body.optionalText("capacity", 1, 20);
        Capacity capacity = null;
        if (capacityName != null) {
            try {
                capacity = Capacity.ofWire(capacityName);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("capacity", "capacity: '" + JsonBody.oneLine(capacityName) + "' is not allowed; allowed spot, on_demand");
            }
        }
        String key = body.optionalText("idempotency_key", 1, 128);
        if (key != null && !key.matches("[\\x21-\\x7e]+")) {
            throw ApiException.badRequest("idempotency_key", "idempotency_key: only printable ASCII without spaces is allowed");
        }
        body.done();
        SimulationConfig config;
        try {
            config = ConfigLoader.fromJson(sim.toString());
        } catch (ConfigException e) {
            String msg = JsonBody.oneLine(e.getMessage());
            int colon = msg.indexOf(':');
            String field = colon > 0 && msg.substring(0, colon).matches("[a-z_.\\[\\]0-9]+") ? "simulation." + msg.substring(0, colon) : "simulation";
            throw ApiException.validation(field, "simulation." + msg);
        }
        return new Submission(config, capacity, key);
    }

    /** The estimate and guardrail verdict for a submission, without creating anything (a dry run). */
    public Admission.Decision estimate(String userId, Submission s) {
        return admission.evaluate(userId, s.config(), s.capacity());
    }

    /**
     * Admits the job: an idempotent replay returns the earlier job before any guardrail; otherwise the guardrails
     * take a slot atomically, the job is committed to the database (with its idempotency key), and only then does
     * the orchestrator hear of it.
     *
     * @return the job and whether it was created now (false: the idempotency key's earlier job)
     */
    public JobRepository.Created submit(String userId, Submission s) {
        String canonical = ConfigLoader.toJson(s.config());
        String requestHash = Secrets.sha256Hex((s.capacity() == null ? "default" : s.capacity().wireName()) + "\n" + canonical);
        if (s.idempotencyKey() != null) {
            var replay = jobs.byIdempotencyKey(userId, s.idempotencyKey(), requestHash);
            if (replay.isPresent()) {
                return new JobRepository.Created(replay.get(), false);
            }
        }
        // with an idempotency key the job id follows from it: concurrent identical submissions reserve one slot
        // for one id (the ledger counts an id once) instead of each taking a slot before the insert decides
        String jobId = s.idempotencyKey() == null ? Secrets.id("j")
                : Secrets.derivedId("j", userId + "\n" + s.idempotencyKey());
        Admission.Decision d = admission.evaluate(userId, s.config(), s.capacity());
        JobSpec spec = new JobSpec(JobSpec.VERSION, jobId, userId, settings.environment(), s.config(),
                new JobSpec.Limits(d.tier().maxRuntimeSeconds(), d.jobCapacity(), settings.jobs().vcpus(), settings.jobs().memoryMib()),
                settings.jobs().checkpointEvery());
        try {
            JobSpecJson.check(spec); // before a slot is taken: an invalid job holds nothing
        } catch (JobRejectedException e) {
            throw ApiException.validation("simulation", JsonBody.oneLine(e.getMessage()));
        }
        admission.take(d, userId, jobId);
        JobRepository.Created c;
        long now = clock.millis();
        JobRow row = new JobRow(jobId, userId, "queued", 1, d.capacity().wireName(), JobSpecJson.toJson(spec), requestHash,
                d.estimate().durationSeconds(), d.estimate().costUsd(), s.config().steps(), 0, 0, 0, null, false, now, null, null, now);
        try {
            c = jobs.create(row, s.idempotencyKey());
        } catch (RuntimeException e) {
            abandon(userId, jobId, s.idempotencyKey());
            throw e;
        }
        if (!c.created() && !c.job().id().equals(jobId)) {
            abandon(userId, jobId, s.idempotencyKey()); // lost to an earlier job of the key under another id
        }
        if (!c.created()) {
            return c;
        }
        row = c.job();
        // the trace id the worker's callbacks carry (derived from the job id): the job's log lines share it
        LOG.info("job " + jobId + " admitted for user " + userId + " on tier " + d.tier().id() + " (traceparent "
                + io.live2.jobs.aws.CallbackSignature.traceparent(jobId) + ")");
        jobs.setTier(jobId, d.tier().id());
        long atomSteps = (long) s.config().particles() * s.config().steps();
        periods.admitted(userId, UsagePeriods.of(clock.instant()), atomSteps, d.estimate().costUsd());
        hand(row);
        updates.published(row.id(), row.status());
        return c;
    }

    /**
     * Gives back the slot of a job that was not stored. Not for a job id derived from an idempotency key: a
     * concurrent request with the same key shares that slot and may still store its job, so the slot stays; if no
     * job ever appears, the ledger's repair frees it after ten minutes (LiveServer.repairSlots).
     */
    private void abandon(String userId, String jobId, String idempotencyKey) {
        if (idempotencyKey == null) {
            admission.abandon(userId, jobId);
        }
    }

    /**
     * Gives a committed job to the orchestrator. A failure here loses nothing: the row stays unsubmitted and the
     * reconciler tries again.
     */
    void hand(JobRow row) {
        try {
            orchestrator.submit(JobSpecJson.parse(row.spec()));
            jobs.markSubmitted(row.id(), clock.millis());
        } catch (DuplicateJobException e) {
            jobs.markSubmitted(row.id(), clock.millis()); // an earlier attempt reached it: submitted after all
        } catch (JobRejectedException e) {
            LOG.log(Level.WARNING, "orchestrator rejected job " + row.id() + ": " + e.getMessage());
            updates.fail(row, "rejected by the orchestrator: " + JsonBody.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + row.id() + " not yet handed to the orchestrator (the reconciler retries): " + e);
        }
    }

    public JobRow get(String userId, String jobId) {
        return jobs.get(userId, jobId).orElseThrow(() -> ApiException.notFound("job " + JsonBody.oneLine(jobId)));
    }

    public record Page(List<JobRow> jobs, String nextCursor) {
    }

    public Page list(String userId, int limit, String cursor) {
        Cursor c = cursor == null ? null : Cursor.decode(cursor);
        List<JobRow> rows = jobs.list(userId, limit + 1, c == null ? null : c.createdAt(), c == null ? null : c.id());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            JobRow last = rows.get(limit - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new Page(rows, next);
    }

    /** Cancels a queued or running job; a finished job is returned as it is. */
    public JobRow cancel(String userId, String jobId) {
        JobRow row = get(userId, jobId);
        if (List.of("succeeded", "failed", "canceled").contains(row.status())) {
            return row;
        }
        if (!row.submitted()) {
            updates.cancelUnsubmitted(row);
        } else {
            try {
                updates.apply(orchestrator.cancel(jobId));
            } catch (UnknownJobException e) {
                updates.cancelUnsubmitted(row);
            }
        }
        return get(userId, jobId);
    }
}
