package io.live2.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Config overrides of the tier table ({@code billing.tiers.<tier>.<field>}), checked so that the result is still a
 * ladder: a higher tier never has a tighter limit than a lower one (the admission rules and the upgrade path rely on
 * it), and no two tiers share a Stripe price (a checkout must map back to exactly one tier).
 */
final class TierOverrides {
    static final String PREFIX = "billing.tiers.";

    private record Limit(TierField field, ToDoubleFunction<Tier> value) {
    }

    private static final List<Limit> ORDERED = List.of(
            new Limit(TierField.PARALLEL_JOBS, Tier::parallelJobs),
            new Limit(TierField.JOBS_PER_DAY, Tier::jobsPerDay),
            new Limit(TierField.MAX_RUNTIME_SECONDS, Tier::maxRuntimeSeconds),
            new Limit(TierField.MAX_COST_PER_JOB_USD, Tier::maxCostPerJobUsd),
            new Limit(TierField.API_REQUESTS_PER_MINUTE, Tier::apiRequestsPerMinute));

    private TierOverrides() {
    }

    /**
     * @param base      the table by rank
     * @param overrides keys {@code <tier>.<field>} (without the {@code billing.tiers.} prefix), values as config text
     * @return the table with the overrides applied, by rank
     * @throws IllegalArgumentException naming the full config key and what is allowed
     */
    static List<Tier> apply(List<Tier> base, Map<String, String> overrides) {
        Map<String, TierDraft> drafts = new LinkedHashMap<>();
        base.forEach(t -> drafts.put(t.id(), TierDraft.of(t)));
        // sorted, so that with several bad keys the same one is reported every time
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = PREFIX + e.getKey();
            int dot = e.getKey().indexOf('.');
            String tierId = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
            TierDraft draft = drafts.get(tierId);
            if (dot < 0 || draft == null) {
                throw new IllegalArgumentException(key + ": expected " + PREFIX + "<tier>.<field> with tier one of "
                        + String.join(", ", drafts.keySet()) + " and field one of " + TierField.allowedNames());
            }
            TierField.ofWire(key, e.getKey().substring(dot + 1)).applyText(draft, key, e.getValue());
        }
        List<Tier> tiers = new ArrayList<>();
        drafts.values().forEach(d -> tiers.add(d.build()));
        checkLadder(tiers);
        checkPricesDistinct(tiers);
        return List.copyOf(tiers);
    }

    private static void checkLadder(List<Tier> byRank) {
        for (int i = 1; i < byRank.size(); i++) {
            Tier lower = byRank.get(i - 1);
            Tier higher = byRank.get(i);
            for (Limit limit : ORDERED) {
                double low = limit.value().applyAsDouble(lower);
                double high = limit.value().applyAsDouble(higher);
                if (low > high) {
                    throw notALadder(lower, higher, limit.field(), plain(low), plain(high));
                }
            }
            if (!higher.capacities().containsAll(lower.capacities())) {
                throw notALadder(lower, higher, TierField.CAPACITIES, wire(lower), wire(higher));
            }
        }
    }

    private static IllegalArgumentException notALadder(Tier lower, Tier higher, TierField field, String low,
                                                       String high) {
        return new IllegalArgumentException(PREFIX + lower.id() + "." + field.wireName + " (" + low + ") is beyond "
                + PREFIX + higher.id() + "." + field.wireName + " (" + high + "); allowed: a higher tier's limit at "
                + "least its lower neighbour's (" + lower.id() + " <= " + higher.id() + ")");
    }

    private static void checkPricesDistinct(List<Tier> tiers) {
        Map<String, String> tierByPrice = new LinkedHashMap<>();
        for (Tier t : tiers) {
            if (t.stripePriceId() == null) {
                continue;
            }
            String other = tierByPrice.putIfAbsent(t.stripePriceId(), t.id());
            if (other != null) {
                throw new IllegalArgumentException(PREFIX + t.id() + ".stripe_price: " + t.stripePriceId()
                        + " is already " + PREFIX + other + ".stripe_price; allowed a price id used by one tier only");
            }
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String wire(Tier tier) {
        return tier.capacities().stream().map(Capacity::wireName).sorted().toList().toString();
    }
}
