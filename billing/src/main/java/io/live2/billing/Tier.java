package io.live2.billing;

import java.util.Set;

/**
 * One subscription tier's limits (the seeds' guardrail table; the values live in tiers.json and config overrides,
 * never in code).
 *
 * @param id                    hobby | research | pro | enterprise (lower case, used in config keys and the API)
 * @param name                  what a person reads: Hobby, Research, Pro, Enterprise
 * @param rank                  0, 1, 2, …: a higher rank never has a tighter limit than a lower one
 * @param parallelJobs          jobs queued or running at once
 * @param jobsPerDay            jobs admitted per UTC day
 * @param maxRuntimeSeconds     a job's wall-clock limit (the job runner ends it there) and the most an estimate may say
 * @param capacities            capacities a job may ask for
 * @param spotFallback          spot jobs go to the queue that falls back to on-demand instances
 * @param maxCostPerJobUsd      the most a job's cost estimate may say
 * @param apiRequestsPerMinute  API requests per minute per key or signed-in user
 * @param stripePriceId         the Stripe price a checkout for this tier uses (from config; null: not sold online)
 */
public record Tier(String id, String name, int rank, int parallelJobs, int jobsPerDay, long maxRuntimeSeconds,
                   Set<Capacity> capacities, boolean spotFallback, double maxCostPerJobUsd, int apiRequestsPerMinute,
                   String stripePriceId) {
    public Tier {
        capacities = Set.copyOf(capacities);
    }

    /** The same tier with its limits replaced (an Enterprise contract sets them per account). */
    public Tier withLimits(int parallelJobs, int jobsPerDay, long maxRuntimeSeconds, Set<Capacity> capacities,
                           double maxCostPerJobUsd, int apiRequestsPerMinute) {
        return new Tier(id, name, rank, parallelJobs, jobsPerDay, maxRuntimeSeconds, capacities, spotFallback,
                maxCostPerJobUsd, apiRequestsPerMinute, stripePriceId);
    }
}
