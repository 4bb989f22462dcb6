package io.live2.billing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailPolicyTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(3);
    private static final GuardrailPolicy POLICY = new GuardrailPolicy(GRACE);
    private static final TierCatalog CATALOG = TierCatalog.defaults();
    private static final Tier HOBBY = CATALOG.get("hobby");
    private static final Subscription ACTIVE = Subscription.granted("hobby");
    private static final Usage IDLE = new Usage(0, 0);
    private static final JobEstimate SMALL = estimate(600, 0.10);

    private static JobEstimate estimate(double seconds, double usd) {
        return new JobEstimate(seconds, usd, "c7i.2xlarge", "test");
    }

    private static Verdict check(Subscription s, Usage u, JobEstimate e, Capacity c) {
        return POLICY.check(HOBBY, s, u, e, c, NOW);
    }

    @Test
    void aJobWithinEveryLimitIsAllowed() {
        assertEquals(Verdict.ALLOW, check(ACTIVE, IDLE, SMALL, Capacity.SPOT));
        // the limits themselves are allowed: only going beyond them is refused
        assertEquals(Verdict.ALLOW, check(ACTIVE, new Usage(0, 4), estimate(1800, 0.50), Capacity.SPOT));
    }

    @Test
    void noSubscriptionIsRefusedWithItsStatus() {
        Verdict v = check(Subscription.none("hobby"), IDLE, SMALL, Capacity.SPOT);
        assertEquals(DenyReason.SUBSCRIPTION_INACTIVE, v.reason());
        assertEquals(Map.of("tier", "hobby", "status", "none"), v.details());
        assertEquals("There is no subscription on this account. New jobs need an active subscription; running jobs "
                + "are not affected.", v.message());
        assertEquals(0, v.retryAfterSeconds());
    }

    @Test
    void pastDueAfterTheGracePeriodSaysWhenTheGraceEnded() {
        Instant since = NOW.minus(Duration.ofDays(4));
        var s = new Subscription("hobby", SubscriptionStatus.PAST_DUE, NOW.plus(Duration.ofDays(20)), since, null,
                false, "cus_1", "sub_1");
        Verdict v = check(s, IDLE, SMALL, Capacity.SPOT);
        assertEquals(DenyReason.SUBSCRIPTION_INACTIVE, v.reason());
        assertEquals("2025-02-28T12:00:00Z", v.details().get("grace_ends_at"));
        assertEquals("2025-02-25T12:00:00Z", v.details().get("past_due_since"));
        assertEquals(GRACE.toSeconds(), v.details().get("grace_seconds"));
        assertEquals("past_due", v.details().get("status"));
        assertTrue(v.message().contains("grace period of 3 d ended at 2025-02-28T12:00:00Z"), v.message());

        // within the grace period the same subscription still admits jobs
        var recent = new Subscription("hobby", SubscriptionStatus.PAST_DUE, null, NOW.minus(Duration.ofDays(2)), null,
                false, "cus_1", "sub_1");
        assertTrue(check(recent, IDLE, SMALL, Capacity.SPOT).allowed());
    }

    @Test
    void aCapacityOutsideTheTierIsRefusedWithTheAllowedList() {
        Verdict v = check(ACTIVE, IDLE, SMALL, Capacity.ON_DEMAND);
        assertEquals(DenyReason.CAPACITY_NOT_ALLOWED, v.reason());
        assertEquals(Map.of("tier", "hobby", "requested", "on_demand", "allowed", List.of("spot")), v.details());
        assertEquals("Capacity on_demand is not available on the Hobby tier; allowed: spot.", v.message());
        assertEquals(0, v.retryAfterSeconds());
    }

    @Test
    void anEstimateBeyondTheRuntimeLimitIsRefusedWithBothFigures() {
        Verdict v = check(ACTIVE, IDLE, estimate(1800.4, 0.10), Capacity.SPOT);
        assertEquals(DenyReason.RUNTIME_LIMIT, v.reason());
        assertEquals(Map.of("tier", "hobby", "limit_seconds", 1800L, "estimate_seconds", 1800.4), v.details());
        assertEquals("The estimated run time of 1801 s (30 min 1 s) exceeds the Hobby tier's limit of 1800 s (30 min); "
                + "make the job smaller or upgrade.", v.message());
        assertEquals(0, v.retryAfterSeconds());
    }

    @Test
    void anEstimateBeyondTheCostLimitIsRefusedWithBothFigures() {
        Verdict v = check(ACTIVE, IDLE, estimate(600, 0.75), Capacity.SPOT);
        assertEquals(DenyReason.COST_LIMIT, v.reason());
        assertEquals(Map.of("tier", "hobby", "limit_usd", 0.50, "estimate_usd", 0.75), v.details());
        assertEquals("The estimated cost of $0.75 exceeds the Hobby tier's limit of $0.50 per job; make the job smaller "
                + "or upgrade.", v.message());

        // a cost just above the limit never reads as "$0.50 exceeds $0.50"
        Verdict barely = check(ACTIVE, IDLE, estimate(600, 0.5001), Capacity.SPOT);
        assertTrue(barely.message().startsWith("The estimated cost of $0.5001 exceeds"), barely.message());
    }

    @Test
    void theParallelLimitAsksToRetryAfterTheDocumentedConstant() {
        Verdict v = check(ACTIVE, new Usage(1, 0), SMALL, Capacity.SPOT);
        assertEquals(DenyReason.PARALLEL_LIMIT, v.reason());
        assertEquals(Map.of("tier", "hobby", "limit", 1, "current", 1), v.details());
        assertEquals("1 jobs are already queued or running and the Hobby tier allows 1 at once; try again when one "
                + "finishes.", v.message());
        assertEquals(GuardrailPolicy.PARALLEL_RETRY_AFTER_SECONDS, v.retryAfterSeconds());
    }

    @Test
    void theDailyLimitAsksToRetryAtTheNextUtcDay() {
        Instant lateEvening = Instant.parse("2025-03-01T23:59:30Z");
        Verdict v = POLICY.check(HOBBY, ACTIVE, new Usage(0, 5), SMALL, Capacity.SPOT, lateEvening);
        assertEquals(DenyReason.DAILY_LIMIT, v.reason());
        assertEquals(Map.of("tier", "hobby", "limit", 5, "current", 5, "resets_at", "2025-03-02T00:00:00Z"),
                v.details());
        assertEquals("5 jobs were started today (UTC) and the Hobby tier allows 5 a day; the count starts again at "
                + "2025-03-02T00:00:00Z.", v.message());
        assertEquals(30, v.retryAfterSeconds());
    }

    @Test
    void theFirstBrokenRuleInTheDocumentedOrderIsReported() {
        Usage full = new Usage(1, 5);
        JobEstimate huge = estimate(99_999, 999);
        var none = Subscription.none("hobby");
        assertEquals(DenyReason.SUBSCRIPTION_INACTIVE, check(none, full, huge, Capacity.ON_DEMAND).reason());
        assertEquals(DenyReason.CAPACITY_NOT_ALLOWED, check(ACTIVE, full, huge, Capacity.ON_DEMAND).reason());
        assertEquals(DenyReason.RUNTIME_LIMIT, check(ACTIVE, full, huge, Capacity.SPOT).reason());
        assertEquals(DenyReason.COST_LIMIT, check(ACTIVE, full, estimate(60, 999), Capacity.SPOT).reason());
        assertEquals(DenyReason.PARALLEL_LIMIT, check(ACTIVE, full, SMALL, Capacity.SPOT).reason());
        assertEquals(DenyReason.DAILY_LIMIT, check(ACTIVE, new Usage(0, 5), SMALL, Capacity.SPOT).reason());
    }

    @Test
    void secondsUntilTheNextUtcDayRoundUpAndAreAtLeastOne() {
        assertEquals(86_400, GuardrailPolicy.secondsUntilNextUtcDay(Instant.parse("2025-03-01T00:00:00Z")));
        assertEquals(43_200, GuardrailPolicy.secondsUntilNextUtcDay(NOW));
        assertEquals(1, GuardrailPolicy.secondsUntilNextUtcDay(Instant.parse("2025-03-01T23:59:59.999Z")));
        assertEquals(2, GuardrailPolicy.secondsUntilNextUtcDay(Instant.parse("2025-03-01T23:59:58.5Z")));
    }

    @Test
    void anEstimateThatIsNotANumberIsAnErrorNotAnAdmission() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> check(ACTIVE, IDLE, estimate(Double.NaN, 0.1), Capacity.SPOT));
        assertEquals("estimate.durationSeconds: NaN is not allowed; allowed a finite number >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> check(ACTIVE, IDLE, estimate(10, -1), Capacity.SPOT));
    }

    @Test
    void aNegativeGraceIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GuardrailPolicy(Duration.ofHours(-1)));
        assertEquals("pastDueGrace: PT-1H is negative; allowed 0 or more", e.getMessage());
        assertFalse(new GuardrailPolicy(Duration.ZERO).check(HOBBY, new Subscription("hobby",
                SubscriptionStatus.PAST_DUE, null, NOW, null, false, null, null), IDLE, SMALL, Capacity.SPOT,
                NOW).allowed());
    }
}
