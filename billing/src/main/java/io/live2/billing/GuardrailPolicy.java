package io.live2.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an account may start a job now: a pure function of its tier, subscription, counters, the job's estimate and
 * the capacity it asks for. No clock, no storage: the caller passes {@code now} and the counters as they stand before
 * this job (and does the check-and-increment atomically around this decision).
 *
 * <p>The checks run in a fixed order, so a job that breaks several limits always gets the same, most fundamental
 * reason: subscription_inactive, capacity_not_allowed, runtime_limit, cost_limit (properties of the request: retrying
 * will not help) before parallel_limit and daily_limit (properties of the moment: retrying later will).
 */
public final class GuardrailPolicy {
    /**
     * Retry-After for parallel_limit: when a slot frees up is unknown, and a job rarely finishes within half a minute
     * of starting (container start-up alone takes about that), so asking sooner would only be refused again.
     */
    public static final long PARALLEL_RETRY_AFTER_SECONDS = 30;

    private final Duration pastDueGrace;

    /** @param pastDueGrace how long after a payment fails new jobs are still admitted (from config) */
    public GuardrailPolicy(Duration pastDueGrace) {
        Objects.requireNonNull(pastDueGrace, "pastDueGrace");
        if (pastDueGrace.isNegative()) {
            throw new IllegalArgumentException("pastDueGrace: " + pastDueGrace + " is negative; allowed 0 or more");
        }
        this.pastDueGrace = pastDueGrace;
    }

    /**
     * @param tier     the limits in force (the subscription's effective tier, with any contract applied)
     * @param usage    the account's counters before this job
     * @param estimate the job's duration and cost estimate on {@code capacity}
     * @throws IllegalArgumentException if the estimate is not a finite non-negative number (an estimator bug must not
     *                                  read as "within limits")
     */
    public Verdict check(Tier tier, Subscription subscription, Usage usage, JobEstimate estimate, Capacity capacity,
                         Instant now) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(now, "now");
        requireEstimate("estimate.durationSeconds", Objects.requireNonNull(estimate, "estimate").durationSeconds());
        requireEstimate("estimate.costUsd", estimate.costUsd());

        if (!subscription.admitsNewJobs(now, pastDueGrace)) {
            return SubscriptionDenial.of(tier, subscription, pastDueGrace, now);
        }
        if (!tier.capacities().contains(capacity)) {
            var allowed = tier.capacities().stream().map(Capacity::wireName).sorted().toList();
            return Verdict.deny(DenyReason.CAPACITY_NOT_ALLOWED,
                    "Capacity " + capacity.wireName() + " is not available on the " + tier.name() + " tier; allowed: "
                            + String.join(", ", allowed) + ".",
                    details(tier, "requested", capacity.wireName(), "allowed", allowed), 0);
        }
        if (estimate.durationSeconds() > tier.maxRuntimeSeconds()) {
            long shown = (long) Math.ceil(estimate.durationSeconds());
            return Verdict.deny(DenyReason.RUNTIME_LIMIT,
                    "The estimated run time of " + shown + " s (" + Durations.human(shown) + ") exceeds the "
                            + tier.name() + " tier's limit of " + tier.maxRuntimeSeconds() + " s ("
                            + Durations.human(tier.maxRuntimeSeconds()) + "); make the job smaller or upgrade.",
                    details(tier, "limit_seconds", tier.maxRuntimeSeconds(),
                            "estimate_seconds", estimate.durationSeconds()), 0);
        }
        if (estimate.costUsd() > tier.maxCostPerJobUsd()) {
            String limit = Usd.format(tier.maxCostPerJobUsd());
            String cost = Usd.formatAbove(estimate.costUsd(), limit);
            return Verdict.deny(DenyReason.COST_LIMIT,
                    "The estimated cost of $" + cost + " exceeds the " + tier.name() + " tier's limit of $" + limit
                            + " per job; make the job smaller or upgrade.",
                    details(tier, "limit_usd", tier.maxCostPerJobUsd(), "estimate_usd", estimate.costUsd()), 0);
        }
        if (usage.runningJobs() >= tier.parallelJobs()) {
            return Verdict.deny(DenyReason.PARALLEL_LIMIT,
                    usage.runningJobs() + " jobs are already queued or running and the " + tier.name()
                            + " tier allows " + tier.parallelJobs() + " at once; try again when one finishes.",
                    details(tier, "limit", tier.parallelJobs(), "current", usage.runningJobs()),
                    PARALLEL_RETRY_AFTER_SECONDS);
        }
        if (usage.jobsToday() >= tier.jobsPerDay()) {
            Instant resetsAt = nextUtcDay(now);
            return Verdict.deny(DenyReason.DAILY_LIMIT,
                    usage.jobsToday() + " jobs were started today (UTC) and the " + tier.name() + " tier allows "
                            + tier.jobsPerDay() + " a day; the count starts again at " + resetsAt + ".",
                    details(tier, "limit", tier.jobsPerDay(), "current", usage.jobsToday(),
                            "resets_at", resetsAt.toString()),
                    secondsUntilNextUtcDay(now));
        }
        return Verdict.ALLOW;
    }

    /** Whole seconds from {@code now} to the next 00:00 UTC, rounded up, so at least 1 (a Retry-After value). */
    public static long secondsUntilNextUtcDay(Instant now) {
        Duration left = Duration.between(now, nextUtcDay(now));
        return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    }

    private static Instant nextUtcDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void requireEstimate(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is not allowed; allowed a finite number >= 0");
        }
    }

    /** The details map: the tier id first, then the given name/value pairs. */
    static Map<String, Object> details(Tier tier, Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tier", tier.id());
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
