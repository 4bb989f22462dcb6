package io.live2.billing;

import java.util.Set;

/** A tier being assembled from the resource file, config overrides or a contract; {@link TierField} sets its fields. */
final class TierDraft {
    final String id;
    final String name;
    final int rank;
    int parallelJobs;
    int jobsPerDay;
    long maxRuntimeSeconds;
    Set<Capacity> capacities;
    boolean spotFallback;
    double maxCostPerJobUsd;
    int apiRequestsPerMinute;
    String stripePriceId;

    TierDraft(String id, String name, int rank) {
        this.id = id;
        this.name = name;
        this.rank = rank;
    }

    static TierDraft of(Tier tier) {
        TierDraft d = new TierDraft(tier.id(), tier.name(), tier.rank());
        d.parallelJobs = tier.parallelJobs();
        d.jobsPerDay = tier.jobsPerDay();
        d.maxRuntimeSeconds = tier.maxRuntimeSeconds();
        d.capacities = tier.capacities();
        d.spotFallback = tier.spotFallback();
        d.maxCostPerJobUsd = tier.maxCostPerJobUsd();
        d.apiRequestsPerMinute = tier.apiRequestsPerMinute();
        d.stripePriceId = tier.stripePriceId();
        return d;
    }

    Tier build() {
        return new Tier(id, name, rank, parallelJobs, jobsPerDay, maxRuntimeSeconds, capacities, spotFallback,
                maxCostPerJobUsd, apiRequestsPerMinute, stripePriceId);
    }
}
