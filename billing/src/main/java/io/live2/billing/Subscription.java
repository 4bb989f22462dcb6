package io.live2.billing;

import java.time.Duration;
import java.time.Instant;

/**
 * An account's subscription as the service keeps it (a copy of Stripe's, with the rules of when changes take effect).
 *
 * @param tierId               the tier in force now
 * @param status               Stripe's status
 * @param currentPeriodEnd     end of the paid period (null: no period, e.g. the embedded default tier)
 * @param pastDueSince         when the subscription first became past_due (null unless past_due)
 * @param pendingTierId        a downgrade that takes effect at {@code currentPeriodEnd} (null: none)
 * @param cancelAtPeriodEnd    cancellation takes effect at {@code currentPeriodEnd}
 * @param stripeCustomerId     Stripe customer (null: none yet)
 * @param stripeSubscriptionId Stripe subscription (null: none, e.g. the embedded default tier)
 */
public record Subscription(String tierId, SubscriptionStatus status, Instant currentPeriodEnd, Instant pastDueSince,
                           String pendingTierId, boolean cancelAtPeriodEnd, String stripeCustomerId,
                           String stripeSubscriptionId) {

    /** No subscription at all: no job is admitted. */
    public static Subscription none(String tierId) {
        return new Subscription(tierId, SubscriptionStatus.NONE, null, null, null, false, null, null);
    }

    /** The embedded default: a tier granted without payment (sandbox), active with no period. */
    public static Subscription granted(String tierId) {
        return new Subscription(tierId, SubscriptionStatus.ACTIVE, null, null, null, false, null, null);
    }

    /** The tier whose limits apply at {@code now}: a pending downgrade applies from the period's end. */
    public String effectiveTierId(Instant now) {
        if (pendingTierId != null && currentPeriodEnd != null && !now.isBefore(currentPeriodEnd)) {
            return pendingTierId;
        }
        return tierId;
    }

    /**
     * Whether new jobs may start at {@code now}: trialing and active yes (set to cancel at the period's end: until
     * it ends, which is how a user's cancellation takes effect at period end); past_due until {@code grace} after it
     * began; canceled, incomplete and none never. Stripe reaches canceled at the end of a period a user canceled, or
     * at once when the payments failed (after past_due, unpaid) or an operator canceled: none of these leaves paid
     * time to use, so canceled admits nothing. Running jobs are never stopped by this.
     */
    public boolean admitsNewJobs(Instant now, Duration grace) {
        return switch (status) {
            case TRIALING, ACTIVE -> !cancelAtPeriodEnd || currentPeriodEnd == null || now.isBefore(currentPeriodEnd);
            case PAST_DUE -> pastDueSince != null && now.isBefore(pastDueSince.plus(grace));
            case CANCELED, INCOMPLETE, NONE -> false;
        };
    }
}
