package io.live2.billing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscription tiers: the built-in table (resource {@code tiers.json}, the seeds' guardrail values) with config
 * overrides. Immutable. Prices are never built in: a tier is sold online only when config gives its Stripe price id.
 */
public final class TierCatalog {
    /** Where the overrides live in config; error messages name keys with it. */
    public static final String CONFIG_PREFIX = TierOverrides.PREFIX;

    private static final List<Tier> BUILT_IN = TierJson.readResource();

    private final List<Tier> byRank;

    private TierCatalog(List<Tier> byRank) {
        this.byRank = byRank;
    }

    /** The built-in table, no Stripe prices. */
    public static TierCatalog defaults() {
        return load(Map.of());
    }

    /**
     * The built-in table with overrides applied.
     *
     * @param overrides keys {@code <tier>.<field>} (config's {@code billing.tiers.} prefix left off), e.g.
     *                  {@code pro.stripe_price=price_123} or {@code hobby.capacities=spot}; fields parallel_jobs,
     *                  jobs_per_day, max_runtime_seconds, capacities (comma list of spot, on_demand), spot_fallback,
     *                  max_cost_per_job_usd, api_requests_per_minute, stripe_price (an id starting with price_; empty:
     *                  not sold online)
     * @throws IllegalArgumentException for an unknown tier or field, a value out of range, a higher tier left with a
     *                                  tighter limit than a lower one, or a price shared by two tiers; the message
     *                                  names the key and what is allowed
     */
    public static TierCatalog load(Map<String, String> overrides) {
        return new TierCatalog(TierOverrides.apply(BUILT_IN, Objects.requireNonNull(overrides, "overrides")));
    }

    /** @throws IllegalArgumentException naming the allowed ids */
    public Tier get(String id) {
        for (Tier t : byRank) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tier: '" + id + "' is not a tier; allowed "
                + String.join(", ", byRank.stream().map(Tier::id).toList()));
    }

    /** The tier a Stripe price belongs to (a checkout or subscription event names the price, not the tier). */
    public Optional<Tier> byStripePrice(String priceId) {
        if (priceId == null) {
            return Optional.empty();
        }
        return byRank.stream().filter(t -> priceId.equals(t.stripePriceId())).findFirst();
    }

    /** Every tier, lowest rank first. */
    public List<Tier> all() {
        return byRank;
    }

    /**
     * An account's tier under its contract (Enterprise limits are set per account). The contract is a JSON object
     * with any of the override fields but stripe_price, e.g. {@code {"parallel_jobs": 50, "capacities": ["on_demand"]}};
     * fields it leaves out keep the tier's values. Contract limits are not held to the ladder: a contract may be
     * tighter than a lower tier. Applying it to which accounts is the caller's decision.
     *
     * @param customLimitsJson null or blank: the tier unchanged
     * @throws IllegalArgumentException for an unknown tier, bad JSON, an unknown field or a value out of range,
     *                                  naming the field and what is allowed
     */
    public Tier withContract(String tierId, String customLimitsJson) {
        Tier tier = get(tierId);
        if (customLimitsJson == null || customLimitsJson.isBlank()) {
            return tier;
        }
        return TierJson.applyContract(tier, customLimitsJson);
    }
}
