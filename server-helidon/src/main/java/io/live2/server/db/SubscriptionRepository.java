package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.live2.billing.Subscription;
import io.live2.billing.SubscriptionStatus;

import java.time.Instant;
import java.util.Optional;

/** Each account's subscription (one row per user, written only from Stripe's state or an operator's contract). */
public final class SubscriptionRepository {
    private static final String COLUMNS = "user_id, tier_id, status, current_period_end, past_due_since, pending_tier_id, "
            + "cancel_at_period_end, stripe_customer_id, stripe_subscription_id, custom_limits, updated_at";
    private final DbClient db;

    public SubscriptionRepository(Database database) {
        this.db = database.client();
    }

    /** @param customLimits an Enterprise contract's limits as JSON (TierCatalog field names), or null */
    public record Stored(String userId, Subscription subscription, String customLimits, long updatedAt) {
    }

    public Optional<Stored> get(String userId) {
        return db.execute().get("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ?", userId).map(SubscriptionRepository::row);
    }

    public Optional<String> userByCustomer(String customerId) {
        return db.execute().get("SELECT user_id FROM subscriptions WHERE stripe_customer_id = ?", customerId)
                .map(r -> Rows.text(r, "user_id"));
    }

    public Optional<String> userBySubscription(String subscriptionId) {
        return db.execute().get("SELECT user_id FROM subscriptions WHERE stripe_subscription_id = ?", subscriptionId)
                .map(r -> Rows.text(r, "user_id"));
    }

    /** Writes the account's subscription, keeping any contract limits; concurrent first writes race on the key. */
    public void put(String userId, Subscription s, long now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long n = db.execute().update("UPDATE subscriptions SET tier_id = ?, status = ?, current_period_end = ?, past_due_since = ?, "
                            + "pending_tier_id = ?, cancel_at_period_end = ?, stripe_customer_id = ?, stripe_subscription_id = ?, "
                            + "updated_at = ? WHERE user_id = ?",
                    s.tierId(), s.status().wireName(), millis(s.currentPeriodEnd()), millis(s.pastDueSince()), s.pendingTierId(),
                    s.cancelAtPeriodEnd(), s.stripeCustomerId(), s.stripeSubscriptionId(), now, userId);
            if (n == 1) {
                return;
            }
            try {
                db.execute().insert("INSERT INTO subscriptions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        userId, s.tierId(), s.status().wireName(), millis(s.currentPeriodEnd()), millis(s.pastDueSince()),
                        s.pendingTierId(), s.cancelAtPeriodEnd(), s.stripeCustomerId(), s.stripeSubscriptionId(), null, now);
                return;
            } catch (RuntimeException e) {
                if (!UniqueViolations.is(e)) {
                    throw e;
                }
            }
        }
    }

    /** An operator's Enterprise contract: the tier and the account's own limits (JSON), active without Stripe. */
    public void putContract(String userId, String tierId, String customLimits, long now) {
        put(userId, Subscription.granted(tierId), now);
        db.execute().update("UPDATE subscriptions SET custom_limits = ? WHERE user_id = ?", customLimits, userId);
    }

    private static Stored row(DbRow r) {
        Subscription s = new Subscription(Rows.text(r, "tier_id"), SubscriptionStatus.valueOf(Rows.text(r, "status").toUpperCase(java.util.Locale.ROOT)),
                instant(Rows.longOrNull(r, "current_period_end")), instant(Rows.longOrNull(r, "past_due_since")),
                Rows.text(r, "pending_tier_id"), Rows.bool(r, "cancel_at_period_end"), Rows.text(r, "stripe_customer_id"),
                Rows.text(r, "stripe_subscription_id"));
        return new Stored(Rows.text(r, "user_id"), s, Rows.text(r, "custom_limits"), Rows.longValue(r, "updated_at"));
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
