package io.live2.billing;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guardrails' promises: never beyond a limit, monotone in usage, and a higher tier never stricter. */
class GuardrailPolicyProperties {
    private static final GuardrailPolicy POLICY = new GuardrailPolicy(BillingArbitraries.GRACE);
    private static final Set<DenyReason> USAGE_REASONS = EnumSet.of(DenyReason.PARALLEL_LIMIT, DenyReason.DAILY_LIMIT);

    @Provide Arbitrary<Tier> tiers() { return BillingArbitraries.tiers(); }
    @Provide Arbitrary<Tier[]> tierPairs() { return BillingArbitraries.tierPairs(); }
    @Provide Arbitrary<Usage> usages() { return BillingArbitraries.usages(); }
    @Provide Arbitrary<JobEstimate> estimates() { return BillingArbitraries.estimates(); }
    @Provide Arbitrary<Subscription> subscriptions() { return BillingArbitraries.subscriptions(); }
    @Provide Arbitrary<Instant> nows() { return BillingArbitraries.nows(); }

    @Property
    void neverAllowsBeyondAnyLimit(@ForAll("tiers") Tier tier, @ForAll("subscriptions") Subscription s,
                                   @ForAll("usages") Usage u, @ForAll("estimates") JobEstimate e,
                                   @ForAll Capacity c, @ForAll("nows") Instant now) {
        Verdict v = POLICY.check(tier, s, u, e, c, now);
        Statistics.label("verdict").collect(v.allowed() ? "allowed" : v.reason().code())
                .coverage(k -> {
                    // not vacuous: each outcome is seen (expected shares are about twice these floors)
                    k.check("allowed").percentage(p -> p > 2);
                    for (DenyReason r : DenyReason.values()) {
                        k.check(r.code()).percentage(p -> p > 0.5);
                    }
                });
        if (v.allowed()) {
            assertTrue(s.admitsNewJobs(now, BillingArbitraries.GRACE));
            assertTrue(tier.capacities().contains(c));
            assertTrue(e.durationSeconds() <= tier.maxRuntimeSeconds());
            assertTrue(e.costUsd() <= tier.maxCostPerJobUsd());
            assertTrue(u.runningJobs() < tier.parallelJobs());
            assertTrue(u.jobsToday() < tier.jobsPerDay());
            assertEquals(0, v.retryAfterSeconds());
        } else {
            assertFalse(v.message().isBlank());
            assertEquals(tier.id(), v.details().get("tier"));
            assertEquals(USAGE_REASONS.contains(v.reason()), v.retryAfterSeconds() > 0);
        }
    }

    /**
     * Exhaustive over the usages around the generated one: what is allowed stays allowed with less usage; a usage
     * denial stays a denial with more; and a denial about the request itself does not depend on usage at all.
     */
    @Property(tries = 300)
    void monotoneInUsage(@ForAll("tiers") Tier tier, @ForAll("subscriptions") Subscription s,
                         @ForAll("usages") Usage u, @ForAll("estimates") JobEstimate e,
                         @ForAll Capacity c, @ForAll("nows") Instant now) {
        Verdict at = POLICY.check(tier, s, u, e, c, now);
        for (int running = 0; running <= u.runningJobs() + 4; running++) {
            for (int today = 0; today <= u.jobsToday() + 8; today++) {
                Verdict other = POLICY.check(tier, s, new Usage(running, today), e, c, now);
                boolean below = running <= u.runningJobs() && today <= u.jobsToday();
                boolean above = running >= u.runningJobs() && today >= u.jobsToday();
                if (at.allowed() && below) {
                    assertTrue(other.allowed(), () -> "allowed at " + u + " but not at " + other);
                }
                if (!at.allowed() && USAGE_REASONS.contains(at.reason()) && above) {
                    assertFalse(other.allowed(), () -> "denied at " + u + " but allowed at more usage");
                    assertTrue(USAGE_REASONS.contains(other.reason()));
                }
                if (!at.allowed() && !USAGE_REASONS.contains(at.reason())) {
                    assertEquals(at, other);
                }
            }
        }
    }

    @Property
    void aMoreGenerousTierNeverDeniesWhatALessGenerousOneAllows(
            @ForAll("tierPairs") Tier[] pair, @ForAll("subscriptions") Subscription s, @ForAll("usages") Usage u,
            @ForAll("estimates") JobEstimate e, @ForAll Capacity c, @ForAll("nows") Instant now) {
        boolean lowAllows = POLICY.check(pair[0], s, u, e, c, now).allowed();
        Statistics.label("lower tier allows").collect(lowAllows).coverage(k -> k.check(true).percentage(p -> p > 2));
        if (lowAllows) {
            assertTrue(POLICY.check(pair[1], s, u, e, c, now).allowed());
        }
    }

    @Property
    void aHigherCatalogTierNeverDeniesWhatALowerOneAllows(
            @ForAll("subscriptions") Subscription s, @ForAll("usages") Usage u, @ForAll("estimates") JobEstimate e,
            @ForAll Capacity c, @ForAll("nows") Instant now) {
        List<Tier> ladder = TierCatalog.defaults().all();
        int lowestAllowing = ladder.size();
        for (int low = 0; low < ladder.size(); low++) {
            if (!POLICY.check(ladder.get(low), s, u, e, c, now).allowed()) {
                continue;
            }
            lowestAllowing = Math.min(lowestAllowing, low);
            for (int high = low + 1; high < ladder.size(); high++) {
                assertTrue(POLICY.check(ladder.get(high), s, u, e, c, now).allowed(),
                        ladder.get(high).id() + " denies what " + ladder.get(low).id() + " allows");
            }
        }
        // not vacuous: a tier below the top allows often enough for its higher tiers to be checked
        Statistics.label("a tier below the top allows").collect(lowestAllowing < ladder.size() - 1)
                .coverage(k -> k.check(true).percentage(p -> p > 2));
    }
}
