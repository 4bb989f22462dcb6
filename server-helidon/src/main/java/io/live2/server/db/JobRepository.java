package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.util.List;
import java.util.Optional;

/**
 * Jobs, their idempotency keys, state events and attempts. Every read of user data takes the caller's user id and
 * puts it in the SQL, so a handler cannot return another tenant's job by forgetting a check.
 */
public final class JobRepository {
    private static final String COLUMNS = "id, user_id, status, attempt, capacity, spec, request_hash, estimate_seconds, "
            + "estimate_cost_usd, total_steps, step, steps_per_second, species, failure_cause, submitted, created_at, started_at, "
            + "ended_at, updated_at";
    private final DbClient db;

    public JobRepository(Database database) {
        this.db = database.client();
    }

    /** The outcome of a create: the stored job and whether it was created now (false: an idempotent replay). */
    public record Created(JobRow job, boolean created) {
    }

    /**
     * Inserts the job and its first event, and the idempotency key when given, in one transaction. When the key is
     * already used by this user the existing job is returned instead (the unique constraint decides races).
     *
     * @throws IdempotencyConflictException when the key was used with a different request
     */
    public Created create(JobRow job, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<JobRow> existing = byIdempotencyKey(job.userId(), idempotencyKey, job.requestHash());
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        DbTransaction tx = db.transaction();
        try {
            if (idempotencyKey != null) {
                tx.insert("INSERT INTO idempotency (user_id, idem_key, request_hash, job_id, created_at) VALUES (?, ?, ?, ?, ?)",
                        job.userId(), idempotencyKey, job.requestHash(), job.id(), job.createdAt());
            }
            tx.insert("INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    job.id(), job.userId(), job.status(), job.attempt(), job.capacity(), job.spec(), job.requestHash(),
                    job.estimateSeconds(), job.estimateCostUsd(), job.totalSteps(), job.step(), job.stepsPerSecond(), job.species(),
                    job.failureCause(), job.submitted(), job.createdAt(), job.startedAt(), job.endedAt(), job.updatedAt());
            tx.insert("INSERT INTO job_events (job_id, user_id, kind, status, reason, created_at) VALUES (?, ?, 'status', ?, ?, ?)",
                    job.id(), job.userId(), job.status(), "submitted", job.createdAt());
            tx.commit();
            return new Created(job, true);
        } catch (RuntimeException e) {
            safeRollback(tx);
            if (idempotencyKey != null && UniqueViolations.is(e)) {
                return byIdempotencyKey(job.userId(), idempotencyKey, job.requestHash())
                        .map(j -> new Created(j, false))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The job an earlier request with this idempotency key created (a replay), if any. */
    public Optional<JobRow> byIdempotencyKey(String userId, String key, String requestHash) {
        Optional<DbRow> idem = db.execute().get("SELECT request_hash, job_id FROM idempotency WHERE user_id = ? AND idem_key = ?", userId, key);
        if (idem.isEmpty()) {
            return Optional.empty();
        }
        if (!Rows.text(idem.get(), "request_hash").equals(requestHash)) {
            throw new IdempotencyConflictException();
        }
        return get(userId, Rows.text(idem.get(), "job_id"));
    }

    private static void safeRollback(DbTransaction tx) {
        try {
            tx.rollback();
        } catch (RuntimeException ignored) {
            // the connection is already gone; nothing was committed
        }
    }

    /** The user's job, or empty (also for another user's job: callers answer 404 either way). */
    public Optional<JobRow> get(String userId, String jobId) {
        return db.execute().get("SELECT " + COLUMNS + " FROM jobs WHERE id = ? AND user_id = ?", jobId, userId).map(JobRepository::row);
    }

    /** The user's job with its state events, in one round trip (GET /jobs/{id} is the API's hottest read). */
    public Optional<JobWithEvents> getWithEvents(String userId, String jobId) {
        String cols = COLUMNS.replaceAll("(\\w+)", "j.$1");
        List<DbRow> rows = db.execute().query("SELECT " + cols + ", e.id AS event_id, e.status AS event_status, e.reason AS event_reason, "
                + "e.created_at AS event_at FROM jobs j LEFT JOIN job_events e ON e.job_id = j.id AND e.user_id = j.user_id "
                + "WHERE j.id = ? AND j.user_id = ? ORDER BY e.id", jobId, userId).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<JobEvent> events = new java.util.ArrayList<>();
        for (DbRow r : rows) {
            Long id = Rows.longOrNull(r, "event_id");
            if (id != null) {
                events.add(new JobEvent(id, Rows.text(r, "event_status"), Rows.text(r, "event_reason"), Rows.longValue(r, "event_at")));
            }
        }
        return Optional.of(new JobWithEvents(row(rows.get(0)), List.copyOf(events)));
    }

    public record JobWithEvents(JobRow job, List<JobEvent> events) {
    }

    /** A job by id for the server's own bookkeeping (orchestrator events, reconciler); never for a user request. */
    public Optional<JobRow> internalGet(String jobId) {
        return db.execute().get("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", jobId).map(JobRepository::row);
    }

    /** Newest first; the cursor is the (created_at, id) of the last job of the previous page. */
    public List<JobRow> list(String userId, int limit, Long beforeCreatedAt, String beforeId) {
        if (beforeCreatedAt == null) {
            return db.execute().query("SELECT " + COLUMNS + " FROM jobs WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                    userId, limit).map(JobRepository::row).toList();
        }
        return db.execute().query("SELECT " + COLUMNS + " FROM jobs WHERE user_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) "
                        + "ORDER BY created_at DESC, id DESC LIMIT ?", userId, beforeCreatedAt, beforeCreatedAt, beforeId, limit)
                .map(JobRepository::row).toList();
    }

    /** Jobs not yet in a final state (for the reconciler). */
    public List<JobRow> unfinished() {
        return db.execute().query("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('queued', 'running', 'interrupted') ORDER BY created_at, id")
                .map(JobRepository::row).toList();
    }

    /** The tier a job was admitted under (what its limits came from). */
    public void setTier(String jobId, String tierId) {
        db.execute().update("UPDATE jobs SET tier_id = ? WHERE id = ?", tierId, jobId);
    }

    /** What the job actually took, beside the estimate it was admitted with (docs/billing.md compares them). */
    public void recordActual(String jobId, double seconds, double costUsd) {
        db.execute().update("UPDATE jobs SET actual_seconds = ?, actual_cost_usd = ? WHERE id = ?", seconds, costUsd, jobId);
    }

    public record EstimateVsActual(String jobId, double estimateSeconds, double estimateCostUsd, Double actualSeconds,
                                   Double actualCostUsd) {
    }

    public Optional<EstimateVsActual> estimateVsActual(String userId, String jobId) {
        return db.execute().get("SELECT id, estimate_seconds, estimate_cost_usd, actual_seconds, actual_cost_usd FROM jobs "
                        + "WHERE user_id = ? AND id = ?", userId, jobId)
                .map(r -> new EstimateVsActual(Rows.text(r, "id"), Rows.doubleValue(r, "estimate_seconds"),
                        Rows.doubleValue(r, "estimate_cost_usd"), doubleOrNull(r, "actual_seconds"), doubleOrNull(r, "actual_cost_usd")));
    }

    private static Double doubleOrNull(io.helidon.dbclient.DbRow r, String column) {
        Object v = r.column(column).asOptional().orElse(null);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public long countByStatus(String status) {
        return db.execute().get("SELECT COUNT(*) AS n FROM jobs WHERE status = ?", status).map(r -> Rows.longValue(r, "n")).orElse(0L);
    }

    public void markSubmitted(String jobId, long now) {
        db.execute().update("UPDATE jobs SET submitted = TRUE, updated_at = ? WHERE id = ?", now, jobId);
    }

    /**
     * Applies a state learned from the orchestrator. A change of status also records an event and the attempt;
     * the update is conditional on the status read before, so two updaters racing record each change once.
     *
     * @return true when the status changed
     */
    public boolean applyState(JobRow before, String status, int attempt, String cause, Long startedAt, Long endedAt, long now) {
        if (before.status().equals(status)) {
            db.execute().update("UPDATE jobs SET attempt = ?, failure_cause = ?, started_at = ?, ended_at = ?, updated_at = ? WHERE id = ?",
                    attempt, cause, startedAt, endedAt, now, before.id());
            return false;
        }
        DbTransaction tx = db.transaction();
        try {
            long n = tx.update("UPDATE jobs SET status = ?, attempt = ?, failure_cause = ?, started_at = ?, ended_at = ?, updated_at = ? "
                    + "WHERE id = ? AND status = ?", status, attempt, cause, startedAt, endedAt, now, before.id(), before.status());
            if (n != 1) {
                safeRollback(tx);
                return false;
            }
            tx.insert("INSERT INTO job_events (job_id, user_id, kind, status, reason, created_at) VALUES (?, ?, 'status', ?, ?, ?)",
                    before.id(), before.userId(), status, cause, now);
            if ("running".equals(status)) {
                tx.dml("DELETE FROM job_attempts WHERE job_id = ? AND attempt = ?", before.id(), attempt);
                tx.insert("INSERT INTO job_attempts (job_id, attempt, started_at) VALUES (?, ?, ?)", before.id(), attempt, now);
            } else if ("running".equals(before.status())) {
                tx.update("UPDATE job_attempts SET ended_at = ?, outcome = ?, cause = ? WHERE job_id = ? AND attempt = ?",
                        now, status, cause, before.id(), before.attempt());
            }
            tx.commit();
            return true;
        } catch (RuntimeException e) {
            safeRollback(tx);
            throw e;
        }
    }

    public void applyProgress(String jobId, long step, long totalSteps, double stepsPerSecond, int species, long now) {
        db.execute().update("UPDATE jobs SET step = ?, total_steps = ?, steps_per_second = ?, species = ?, updated_at = ? WHERE id = ?",
                step, totalSteps, stepsPerSecond, species, now, jobId);
    }

    /** A job's state events after the given event id (0: all), oldest first; scoped by user. */
    public List<JobEvent> events(String userId, String jobId, long afterId) {
        return db.execute().query("SELECT id, status, reason, created_at FROM job_events WHERE job_id = ? AND user_id = ? AND id > ? ORDER BY id",
                        jobId, userId, afterId)
                .map(r -> new JobEvent(Rows.longValue(r, "id"), Rows.text(r, "status"), Rows.text(r, "reason"), Rows.longValue(r, "created_at")))
                .toList();
    }

    public record JobEvent(long id, String status, String reason, long createdAt) {
    }

    public void replaceArtifacts(String jobId, List<Artifact> artifacts) {
        DbTransaction tx = db.transaction();
        try {
            tx.dml("DELETE FROM job_artifacts WHERE job_id = ?", jobId);
            for (Artifact a : artifacts) {
                tx.insert("INSERT INTO job_artifacts (job_id, path, size_bytes, sha256) VALUES (?, ?, ?, ?)", jobId, a.path(), a.size(), a.sha256());
            }
            tx.commit();
        } catch (RuntimeException e) {
            safeRollback(tx);
            throw e;
        }
    }

    public record Artifact(String path, long size, String sha256) {
    }

    static JobRow row(DbRow r) {
        return new JobRow(Rows.text(r, "id"), Rows.text(r, "user_id"), Rows.text(r, "status"), Rows.intValue(r, "attempt"),
                Rows.text(r, "capacity"), Rows.text(r, "spec"), Rows.text(r, "request_hash"), Rows.doubleValue(r, "estimate_seconds"),
                Rows.doubleValue(r, "estimate_cost_usd"), Rows.longValue(r, "total_steps"), Rows.longValue(r, "step"),
                Rows.doubleValue(r, "steps_per_second"), Rows.intValue(r, "species"), Rows.text(r, "failure_cause"),
                Rows.bool(r, "submitted"), Rows.longValue(r, "created_at"), Rows.longOrNull(r, "started_at"),
                Rows.longOrNull(r, "ended_at"), Rows.longValue(r, "updated_at"));
    }
}
