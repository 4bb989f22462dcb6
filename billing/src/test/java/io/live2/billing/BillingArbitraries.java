package io.live2.billing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Generators for the guardrail properties. Ranges are small and overlap (usage around the limits, estimates around
 * the maxima, whole numbers often so that "exactly at the limit" comes up), so that allowed and each denial all occur.
 */
final class BillingArbitraries {
    /** Subscriptions' instants are placed around this; {@link #nows()} falls within three days after it. */
    static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
    static final Duration GRACE = Duration.ofDays(2);

    private BillingArbitraries() {
    }

    static Arbitrary<Set<Capacity>> capacitySets() {
        return Arbitraries.of(Capacity.class).set().ofMinSize(1).map(s -> (Set<Capacity>) EnumSet.copyOf(s));
    }

    static Arbitrary<Tier> tiers() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 12),
                Arbitraries.longs().between(60, 7_200),
                capacitySets(),
                Arbitraries.of(true, false),
                costs(),
                Arbitraries.integers().between(1, 500)
        ).as((parallel, daily, runtime, caps, fallback, cost, api) ->
                new Tier("t", "Generated", 0, parallel, daily, runtime, caps, fallback, cost, api, null));
    }

    /** A tier and one whose every limit is at least as generous (capacities a superset). */
    static Arbitrary<Tier[]> tierPairs() {
        return Combinators.combine(
                tiers(),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 10),
                Arbitraries.longs().between(0, 3_600),
                capacitySets().injectNull(0.5),
                Arbitraries.doubles().between(0, 50).ofScale(2),
                Arbitraries.integers().between(0, 100)
        ).as((low, dp, dd, dr, extraCaps, dc, da) -> {
            Set<Capacity> caps = EnumSet.copyOf(low.capacities());
            if (extraCaps != null) {
                caps.addAll(extraCaps);
            }
            Tier high = low.withLimits(low.parallelJobs() + dp, low.jobsPerDay() + dd, low.maxRuntimeSeconds() + dr,
                    caps, low.maxCostPerJobUsd() + dc, low.apiRequestsPerMinute() + da);
            return new Tier[]{low, high};
        });
    }

    private static Arbitrary<Double> costs() {
        return Arbitraries.doubles().between(0.01, 60).ofScale(2);
    }

    static Arbitrary<Usage> usages() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 12))
                .as(Usage::new);
    }

    static Arbitrary<JobEstimate> estimates() {
        Arbitrary<Double> seconds = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 8_000),
                Arbitraries.longs().between(0, 8_000).map(Long::doubleValue));
        Arbitrary<Double> usd = Arbitraries.oneOf(costs(), Arbitraries.doubles().between(0, 65));
        return Combinators.combine(seconds, usd).as((s, c) -> new JobEstimate(s, c, "c7i.2xlarge", "generated"));
    }

    static Arbitrary<Instant> nows() {
        return Arbitraries.longs().between(0, Duration.ofDays(3).toSeconds()).map(BASE::plusSeconds);
    }

    /** Every status, with period ends before and after {@link #nows()}, and past-due starts in and out of grace. */
    static Arbitrary<Subscription> subscriptions() {
        Arbitrary<Instant> periodEnd = Arbitraries.longs().between(-Duration.ofDays(5).toSeconds(),
                Duration.ofDays(30).toSeconds()).map(BASE::plusSeconds).injectNull(0.2);
        Arbitrary<Instant> pastDueSince = Arbitraries.longs().between(-Duration.ofDays(4).toSeconds(), 0)
                .map(BASE::plusSeconds).injectNull(0.2);
        return Combinators.combine(
                Arbitraries.frequency(
                        Tuple.of(8, SubscriptionStatus.ACTIVE),
                        Tuple.of(1, SubscriptionStatus.TRIALING),
                        Tuple.of(1, SubscriptionStatus.PAST_DUE),
                        Tuple.of(1, SubscriptionStatus.CANCELED),
                        Tuple.of(1, SubscriptionStatus.INCOMPLETE),
                        Tuple.of(1, SubscriptionStatus.NONE)),
                periodEnd, pastDueSince, Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false))
        ).as((status, end, since, cancel) -> new Subscription("t", status, end, since, null, cancel, null, null));
    }
}
