package io.live2.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The subscription_inactive verdict: what state the subscription is in and since when, in words and numbers. */
final class SubscriptionDenial {
    private SubscriptionDenial() {
    }

    static Verdict of(Tier tier, Subscription s, Duration grace, Instant now) {
        List<Object> pairs = new ArrayList<>(List.of("status", s.status().wireName()));
        if (s.currentPeriodEnd() != null) {
            pairs.addAll(List.of("period_end", s.currentPeriodEnd().toString()));
        }
        String why = switch (s.status()) {
            case NONE -> "There is no subscription on this account.";
            case INCOMPLETE -> "The subscription's first payment has not completed.";
            case PAST_DUE -> {
                pairs.addAll(List.of("grace_seconds", grace.toSeconds()));
                if (s.pastDueSince() == null) {
                    yield "Payment is past due.";
                }
                Instant graceEnds = s.pastDueSince().plus(grace);
                pairs.addAll(List.of("past_due_since", s.pastDueSince().toString(), "grace_ends_at",
                        graceEnds.toString()));
                yield "Payment has been past due since " + s.pastDueSince() + " and the grace period of "
                        + Durations.human(grace.toSeconds()) + " ended at " + graceEnds + ".";
            }
            case CANCELED -> "The subscription was canceled.";
            case TRIALING, ACTIVE -> "The subscription was set to cancel at the end of its period, which ended at "
                    + s.currentPeriodEnd() + ".";
        };
        return Verdict.deny(DenyReason.SUBSCRIPTION_INACTIVE,
                why + " New jobs need an active subscription; running jobs are not affected.",
                GuardrailPolicy.details(tier, pairs.toArray()), 0);
    }
}
