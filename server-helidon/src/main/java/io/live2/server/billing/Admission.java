package io.live2.server.billing;

import io.live2.billing.Capacity;
import io.live2.billing.DenyReason;
import io.live2.billing.GuardrailPolicy;
import io.live2.billing.JobEstimate;
import io.live2.billing.Tier;
import io.live2.billing.Verdict;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.jobs.JobSpec;
import io.live2.model.config.SimulationConfig;
import io.live2.server.admission.AdmissionLedger;
import io.live2.server.http.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether a job may start, and holding its place when it may: the estimate, the pure guardrail policy (subscription,
 * capacity, runtime, cost, parallel and daily limits), then the ledger's atomic check-and-increment of the parallel
 * and daily counts, so two concurrent submissions can never both take the last free slot.
 */
public final class Admission {
    private final Accounts accounts;
    private final GuardrailPolicy policy;
    private final CalibratedEstimator estimator;
    private final AdmissionLedger ledger;
    private final long serverMaxRuntimeSeconds;
    private final Clock clock;

    /** @param serverMaxRuntimeSeconds jobs.max_runtime_seconds: no job runs longer, whatever its tier allows */
    public Admission(Accounts accounts, GuardrailPolicy policy, CalibratedEstimator estimator, AdmissionLedger ledger,
                     long serverMaxRuntimeSeconds, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.estimator = estimator;
        this.ledger = ledger;
        this.serverMaxRuntimeSeconds = serverMaxRuntimeSeconds;
        this.clock = clock;
    }

    /** @param capacity what the job runs on; @param jobCapacity the same as the orchestrator takes it (tier's fallback) */
    public record Decision(Accounts.Account account, Capacity capacity, JobSpec.Capacity jobCapacity, JobEstimate estimate,
                           Verdict verdict) {
        public Tier tier() {
            return account.tier();
        }
    }

    /** The estimate and verdict without holding anything (a dry run, and the first step of {@link #admit}). */
    public Decision evaluate(String userId, SimulationConfig config, Capacity requested) {
        Accounts.Account account = accounts.account(userId);
        Tier tier = account.tier();
        if (tier.maxRuntimeSeconds() > serverMaxRuntimeSeconds) {
            // the runtime the job will really get: the runtime guardrail compares the estimate with it
            tier = tier.withLimits(tier.parallelJobs(), tier.jobsPerDay(), serverMaxRuntimeSeconds, tier.capacities(),
                    tier.maxCostPerJobUsd(), tier.apiRequestsPerMinute());
            account = new Accounts.Account(account.userId(), account.subscription(), tier, account.stored(), account.contract());
        }
        // unasked, a tier that offers on-demand (pro) runs on it; the others on spot
        Capacity capacity = requested != null ? requested
                : tier.capacities().contains(Capacity.ON_DEMAND) ? Capacity.ON_DEMAND : Capacity.SPOT;
        JobEstimate estimate = estimator.estimate(config, capacity);
        Verdict verdict = policy.check(tier, account.subscription(), ledger.usage(userId, today()), estimate, capacity, clock.instant());
        return new Decision(account, capacity, jobCapacity(capacity, tier), estimate, verdict);
    }

    /**
     * Takes a slot for the job under an earlier {@link #evaluate}, atomically with every other admission of the user.
     * A parallel or daily refusal of the evaluation is not final: the ledger decides (a retry of a submission whose
     * slot is already taken under the same job id is granted there).
     *
     * @throws ApiException 402, 422 or 429 with the reason code and its numbers when the job may not start
     */
    public void take(Decision d, String userId, String jobId) {
        Verdict pre = d.verdict();
        if (!pre.allowed() && pre.reason() != DenyReason.PARALLEL_LIMIT && pre.reason() != DenyReason.DAILY_LIMIT) {
            throw Denials.of(pre);
        }
        Tier tier = d.tier();
        AdmissionLedger.Reservation r = ledger.reserve(userId, jobId, today(), tier.parallelJobs(), tier.jobsPerDay());
        if (!r.granted()) {
            // another submission took the slot between the check and the reservation: the policy, given the
            // counts the ledger saw, says which limit and with what numbers
            Verdict v = policy.check(tier, d.account().subscription(), r.before(), d.estimate(), d.capacity(), clock.instant());
            throw Denials.of(v.allowed() ? Verdict.deny(r.reason(), r.reason().code().replace('_', ' ') + " reached",
                    java.util.Map.of("tier", tier.id()), 1) : v);
        }
    }

    /** The job was not created after all (it lost an idempotency race): its slot is given back. */
    public void abandon(String userId, String jobId) {
        ledger.cancelReservation(userId, jobId);
    }

    /** The job reached a final state: it no longer counts as running (it still counts for its day). */
    public void finished(String userId, String jobId) {
        ledger.release(userId, jobId);
    }

    public AdmissionLedger ledger() {
        return ledger;
    }

    public CalibratedEstimator estimator() {
        return estimator;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static JobSpec.Capacity jobCapacity(Capacity capacity, Tier tier) {
        if (capacity == Capacity.ON_DEMAND) {
            return JobSpec.Capacity.ON_DEMAND;
        }
        return tier.spotFallback() ? JobSpec.Capacity.SPOT_WITH_FALLBACK : JobSpec.Capacity.SPOT;
    }
}
