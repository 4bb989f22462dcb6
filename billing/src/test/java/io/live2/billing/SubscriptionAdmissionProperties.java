package io.live2.billing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * When a subscription admits new jobs, checked through the policy (with limits no job reaches, so only the
 * subscription can refuse): past_due within the grace period, canceled within the paid period, none/incomplete never.
 */
class SubscriptionAdmissionProperties {
    private static final Instant NOW = Instant.parse("2025-06-15T08:30:00Z");
    private static final Tier UNLIMITED = new Tier("t", "Unlimited", 0, 10_000, 1_000_000, 604_800,
            Set.of(Capacity.SPOT, Capacity.ON_DEMAND), true, 100_000, 100_000, null);
    private static final JobEstimate SMALL = new JobEstimate(60, 0.01, "c7i.2xlarge", "test");

    private static boolean admitted(Subscription s, Duration grace) {
        Verdict v = new GuardrailPolicy(grace).check(UNLIMITED, s, new Usage(0, 0), SMALL, Capacity.SPOT, NOW);
        if (!v.allowed()) {
            assertEquals(DenyReason.SUBSCRIPTION_INACTIVE, v.reason());
            assertEquals(s.status().wireName(), v.details().get("status"));
        }
        assertEquals(s.admitsNewJobs(NOW, grace), v.allowed());
        return v.allowed();
    }

    @Property
    void pastDueAdmitsUntilTheGraceEnds(@ForAll @LongRange(min = 0, max = 1_000_000) long graceSeconds,
                                        @ForAll @LongRange(min = 0, max = 1_000_000) long pastDueFor) {
        var s = new Subscription("t", SubscriptionStatus.PAST_DUE, NOW.plusSeconds(86_400),
                NOW.minusSeconds(pastDueFor), null, false, "cus", "sub");
        assertEquals(pastDueFor < graceSeconds, admitted(s, Duration.ofSeconds(graceSeconds)));
    }

    /** Canceled by Stripe (a period ended, payments failed, an operator): no paid time is left, whatever the period says. */
    @Property
    void canceledNeverAdmits(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long periodEndsIn,
                             @ForAll boolean cancelAtPeriodEnd) {
        var s = new Subscription("t", SubscriptionStatus.CANCELED, NOW.plusSeconds(periodEndsIn), null, null,
                cancelAtPeriodEnd, "cus", "sub");
        assertFalse(admitted(s, Duration.ofDays(3)));
    }

    @Property
    void activeSetToCancelAdmitsUntilThePeriodEnds(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long endsIn,
                                                   @ForAll boolean trialing) {
        var status = trialing ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
        var s = new Subscription("t", status, NOW.plusSeconds(endsIn), null, null, true, "cus", "sub");
        assertEquals(endsIn > 0, admitted(s, Duration.ofDays(3)));
    }

    @Property
    void noneAndIncompleteNeverAdmit(@ForAll boolean incomplete, @ForAll boolean cancelAtPeriodEnd,
                                     @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long periodEndsIn,
                                     @ForAll @LongRange(min = 0, max = 1_000_000) long graceSeconds) {
        var status = incomplete ? SubscriptionStatus.INCOMPLETE : SubscriptionStatus.NONE;
        var s = new Subscription("t", status, NOW.plusSeconds(periodEndsIn), NOW, null, cancelAtPeriodEnd, "cus",
                "sub");
        assertFalse(admitted(s, Duration.ofSeconds(graceSeconds)));
    }
}
