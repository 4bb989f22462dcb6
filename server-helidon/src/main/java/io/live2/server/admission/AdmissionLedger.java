package io.live2.server.admission;

import io.live2.billing.DenyReason;
import io.live2.billing.Usage;

import java.time.LocalDate;
import java.util.Map;

/**
 * The counts behind the parallel and daily guardrails, changed only by an atomic check-and-take: two concurrent
 * admissions can never both take the last free slot. Every operation is idempotent per job id, so a retried call
 * never counts twice. Two implementations pass the same contract: the database (a row lock per user) and Redis
 * (one Lua script per operation).
 */
public interface AdmissionLedger {

    /**
     * If the user's running jobs are below {@code parallelLimit} and the jobs admitted on {@code day} below
     * {@code dailyLimit}, records the job as running and admitted on that day; otherwise records nothing. A job id
     * already recorded is granted again without counting twice.
     */
    Reservation reserve(String userId, String jobId, LocalDate day, int parallelLimit, int dailyLimit);

    /** The job reached a final state: it no longer runs (it still counts for its day). Unknown ids: no-op. */
    void release(String userId, String jobId);

    /** The admission was abandoned before the job existed: the job counts for nothing. */
    void cancelReservation(String userId, String jobId);

    Usage usage(String userId, LocalDate day);

    /**
     * Every job counted as running: user → (job id → when it was reserved, epoch milliseconds). The server's
     * start-up repair compares it with the jobs table (a server killed between a job's end and its release, or
     * between a reservation and the job's insert, leaves a slot taken that would otherwise never free).
     */
    Map<String, Map<String, Long>> running();

    boolean healthy();

    /**
     * @param reason null when granted; PARALLEL_LIMIT (checked first) or DAILY_LIMIT
     * @param before the counts the decision saw
     */
    record Reservation(boolean granted, DenyReason reason, Usage before) {
    }
}
