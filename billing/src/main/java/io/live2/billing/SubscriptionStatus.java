package io.live2.billing;

import java.util.Locale;

/** Stripe's subscription states that matter here, plus NONE (never subscribed). */
public enum SubscriptionStatus {
    NONE, TRIALING, ACTIVE, PAST_DUE, CANCELED, INCOMPLETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stripe's status string; unknown or terminal-incomplete states (incomplete_expired, unpaid, paused) map to the nearest that admits no job. */
    public static SubscriptionStatus ofStripe(String status) {
        if (status == null) {
            return NONE;
        }
        return switch (status) {
            case "trialing" -> TRIALING;
            case "active" -> ACTIVE;
            case "past_due" -> PAST_DUE;
            case "canceled", "incomplete_expired", "unpaid" -> CANCELED;
            case "none" -> NONE;
            default -> INCOMPLETE; // incomplete, paused, and anything Stripe adds later: no new jobs
        };
    }
}
