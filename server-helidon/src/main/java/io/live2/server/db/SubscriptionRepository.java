package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.live2.billing.Subscription;
import io.live2.billing.SubscriptionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Each account's subscription (one row per user, written only from Stripe's state or an operator's contract). */
public final class SubscriptionRepository {
    private static final String COLUMNS = "user_id, tier_id, status, current_period_end, past_due_since, pending_tier_id, "
            + "cancel_at_period_end, stripe_customer_id, stripe_subscription_id, custom_limits, updated_at";
    private final DbClient db;
    private final DataSource pool;

    public SubscriptionRepository(Database database) {
        this.db = database.client();
        this.pool = database.pool();
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

    /** Writes the account's subscription, keeping any contract limits. */
    public void put(String userId, Subscription s, long now) {
        try (Connection c = pool.getConnection()) {
            put(c, userId, s, now);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("subscriptions: " + e.getMessage(), e);
        }
    }

    /**
     * The same on a given connection (inside {@link UserLocks#withLock}); concurrent first writes race on the key
     * and the loser updates.
     */
    public void put(Connection c, String userId, Subscription s, long now) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement u = c.prepareStatement("UPDATE subscriptions SET tier_id = ?, status = ?, current_period_end = ?, "
                    + "past_due_since = ?, pending_tier_id = ?, cancel_at_period_end = ?, stripe_customer_id = ?, "
                    + "stripe_subscription_id = ?, updated_at = ? WHERE user_id = ?")) {
                bind(u, s, now, userId);
                if (u.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO subscriptions (tier_id, status, current_period_end, "
                    + "past_due_since, pending_tier_id, cancel_at_period_end, stripe_customer_id, stripe_subscription_id, "
                    + "updated_at, user_id, custom_limits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                bind(i, s, now, userId);
                i.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!UniqueViolations.is(e)) {
                    throw e;
                }
            }
        }
    }

    private static void bind(PreparedStatement p, Subscription s, long now, String userId) throws SQLException {
        p.setString(1, s.tierId());
        p.setString(2, s.status().wireName());
        p.setObject(3, millis(s.currentPeriodEnd()), Types.BIGINT);
        p.setObject(4, millis(s.pastDueSince()), Types.BIGINT);
        p.setString(5, s.pendingTierId());
        p.setBoolean(6, s.cancelAtPeriodEnd());
        p.setString(7, s.stripeCustomerId());
        p.setString(8, s.stripeSubscriptionId());
        p.setLong(9, now);
        p.setString(10, userId);
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
