package io.live2.server.billing;

import io.live2.billing.Subscription;
import io.live2.billing.Tier;
import io.live2.billing.TierCatalog;
import io.live2.server.db.SubscriptionRepository;
import io.live2.server.limits.RateLimiter;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An account's subscription and the tier whose limits apply to it now. Without a stored subscription an account
 * has the configured default: in sandbox mode a tier granted without payment (Hobby unless configured), in live
 * mode none (no job until it subscribes through Stripe).
 */
public final class Accounts {
    /** How long the API rate limit per user is cached (a tier change reaches it within this). */
    private static final long RATE_CACHE_MILLIS = 10_000;

    private final SubscriptionRepository subscriptions;
    private final TierCatalog tiers;
    private final String defaultTier;
    private final int apiCeilingPerMinute;
    private final Clock clock;
    private final Map<String, CachedLimit> rateCache = new ConcurrentHashMap<>();

    private record CachedLimit(RateLimiter.Limit limit, long until) {
    }

    /**
     * @param defaultTier         tier of an account with no subscription row (null: none)
     * @param apiCeilingPerMinute the server-wide ceiling (limits.key_per_minute) no tier's API rate exceeds
     */
    public Accounts(SubscriptionRepository subscriptions, TierCatalog tiers, String defaultTier, int apiCeilingPerMinute, Clock clock) {
        this.subscriptions = subscriptions;
        this.tiers = tiers;
        this.defaultTier = defaultTier;
        this.apiCeilingPerMinute = apiCeilingPerMinute;
        this.clock = clock;
    }

    /**
     * @param tier     the limits in force now (a pending downgrade applies from the period's end; a contract's own limits)
     * @param contract the account's limits are an operator's contract (Enterprise), not a Stripe subscription
     */
    public record Account(String userId, Subscription subscription, Tier tier, boolean stored, boolean contract) {
    }

    public Account account(String userId) {
        Optional<SubscriptionRepository.Stored> row = subscriptions.get(userId);
        if (row.isEmpty()) {
            Subscription s = defaultTier != null ? Subscription.granted(defaultTier) : Subscription.none(lowest().id());
            return new Account(userId, s, tiers.get(s.tierId()), false, false);
        }
        Subscription s = row.get().subscription();
        Tier tier = tiers.withContract(s.effectiveTierId(clock.instant()), row.get().customLimits());
        String contract = row.get().customLimits();
        return new Account(userId, s, tier, true, contract != null && !contract.isBlank());
    }

    public TierCatalog tiers() {
        return tiers;
    }

    /** The user's API rate: the tier's requests per minute, never above the server's ceiling. */
    public RateLimiter.Limit apiLimit(String userId) {
        long now = clock.millis();
        CachedLimit c = rateCache.get(userId);
        if (c != null && c.until() > now) {
            return c.limit();
        }
        int perMinute = Math.min(account(userId).tier().apiRequestsPerMinute(), apiCeilingPerMinute);
        RateLimiter.Limit limit = RateLimiter.Limit.perMinute(perMinute);
        if (rateCache.size() > 100_000) {
            rateCache.clear(); // a bound, not an eviction policy: entries are cheap to rebuild
        }
        rateCache.put(userId, new CachedLimit(limit, now + RATE_CACHE_MILLIS));
        return limit;
    }

    /** Forgets the cached rate after a subscription change, so the new tier's rate applies at once on this replica. */
    public void changed(String userId) {
        rateCache.remove(userId);
    }

    private Tier lowest() {
        return tiers.all().get(0);
    }
}
