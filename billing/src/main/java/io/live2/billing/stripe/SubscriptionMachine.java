package io.live2.billing.stripe;

import io.live2.billing.Subscription;
import io.live2.billing.SubscriptionStatus;
import io.live2.billing.Tier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns Stripe's current state of a subscription into the service's {@link Subscription}, with the rules of when a
 * change takes effect. Pure: no clock, no I/O.
 *
 * <p>Rules:
 * <ul>
 *   <li>The tier changes only through Stripe: it follows the subscription's price.</li>
 *   <li>An upgrade (a tier of higher rank, or of equal rank) takes effect at once and drops any pending downgrade.</li>
 *   <li>A downgrade keeps the tier in force and records the lower one as pending until the period ends (whatever the
 *       status: a past_due customer keeps what was paid for, and the grace period limits admission anyway); a pending
 *       change whose period has ended is applied first. A downgrade with no period end, or one already past, takes
 *       effect at once.</li>
 *   <li>cancel_at_period_end: recorded; the tier is kept (admission stops at the period end).</li>
 *   <li>canceled (and deleted, which Stripe reports as canceled): status CANCELED, tier kept, pending dropped (nothing
 *       renews); {@link Subscription#admitsNewJobs} admits until the period end.</li>
 *   <li>past_due: pastDueSince is kept if the subscription was already past_due, else set to {@code now}; any other
 *       status clears it. {@link Subscription#admitsNewJobs} applies the grace period.</li>
 *   <li>A price that maps to no tier: the tier in force is kept, a pending change is dropped (it no longer matches
 *       Stripe), and the transition reports the price in {@link SubscriptionTransition#unknownPriceId()}.</li>
 *   <li>A different subscription than the stored one replaces it as a new purchase (its tier at once), unless it is
 *       not live (canceled, incomplete) while the stored one is still in force: then it is a stale or failed one and
 *       is ignored (reported in the note), so an old subscription's late events cannot end a newer one.</li>
 * </ul>
 *
 * <p>The server fetches the subscription from Stripe before applying, so the input is Stripe's latest state: applying
 * the same state twice gives the same result, and within one billing period the order of earlier states does not
 * change the result of applying the latest one last (SubscriptionMachineProperties).
 */
public final class SubscriptionMachine {

    private SubscriptionMachine() {
    }

    /**
     * The subscription after {@code fetched}; {@link #transition} says more (unknown price, ignored subscription).
     *
     * @param current     the stored subscription (null: none yet)
     * @param tierByPrice the tier sold at a Stripe price id (empty: none)
     * @param tierById    the tier of a stored tier id (must know every id the service stores)
     * @throws IllegalArgumentException if the price maps to no tier and there is no current tier to keep
     */
    public static Subscription apply(Subscription current, StripeSubscriptionState fetched,
                                     Function<String, Optional<Tier>> tierByPrice, Function<String, Tier> tierById,
                                     Instant now) {
        return transition(current, fetched, tierByPrice, tierById, now).subscription();
    }

    /** As {@link #apply}, with what was kept or ignored. */
    public static SubscriptionTransition transition(Subscription current, StripeSubscriptionState fetched,
                                                    Function<String, Optional<Tier>> tierByPrice,
                                                    Function<String, Tier> tierById, Instant now) {
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(tierByPrice, "tierByPrice");
        Objects.requireNonNull(tierById, "tierById");
        Objects.requireNonNull(now, "now");
        if (fetched.subscriptionId() == null || fetched.subscriptionId().isBlank()) {
            throw new IllegalArgumentException("fetched.subscriptionId: must not be empty");
        }
        SubscriptionStatus status = SubscriptionStatus.ofStripe(fetched.status());
        boolean sameSubscription = current != null && fetched.subscriptionId().equals(current.stripeSubscriptionId());
        if (current != null && !sameSubscription && !isLive(status) && inForce(current, now)) {
            return new SubscriptionTransition(current, null, "ignored subscription " + fetched.subscriptionId()
                    + " (" + fetched.status() + "): the account's subscription "
                    + Objects.requireNonNullElse(current.stripeSubscriptionId(), "(granted)") + " is still in force");
        }
        // a change whose period has ended is in force before anything new is compared with it
        Subscription base = sameSubscription ? withDuePendingApplied(current, now) : null;
        Optional<Tier> priced = fetched.priceId() == null ? Optional.empty() : tierByPrice.apply(fetched.priceId());

        String tierId;
        String pendingTierId;
        String unknownPriceId = null;
        String note = null;
        if (priced.isEmpty()) {
            String kept = base != null ? base.tierId() : current != null ? current.effectiveTierId(now) : null;
            if (kept == null) {
                throw new IllegalArgumentException("fetched.priceId: " + fetched.priceId()
                        + " maps to no tier, and there is no current tier to keep (subscription "
                        + fetched.subscriptionId() + ")");
            }
            tierId = kept;
            pendingTierId = null;
            unknownPriceId = fetched.priceId();
            note = "price " + fetched.priceId() + " of subscription " + fetched.subscriptionId()
                    + " maps to no tier; kept tier " + kept;
        } else if (base == null) {
            tierId = priced.get().id(); // a new purchase: what was bought is in force at once
            pendingTierId = null;
        } else {
            Tier target = priced.get();
            Tier inForce = tierById.apply(base.tierId());
            if (target.id().equals(inForce.id())) {
                tierId = inForce.id(); // also undoes a downgrade the customer scheduled and then took back
                pendingTierId = null;
            } else if (target.rank() >= inForce.rank()) {
                tierId = target.id();
                pendingTierId = null;
            } else {
                tierId = inForce.id();
                pendingTierId = target.id();
            }
        }

        Instant periodEnd = fetched.currentPeriodEnd();
        if (status == SubscriptionStatus.CANCELED) {
            pendingTierId = null;
        }
        if (pendingTierId != null && (periodEnd == null || !now.isBefore(periodEnd))) {
            tierId = pendingTierId; // the period it would have waited for is already over
            pendingTierId = null;
        }
        Instant pastDueSince = null;
        if (status == SubscriptionStatus.PAST_DUE) {
            boolean alreadyPastDue = base != null && base.status() == SubscriptionStatus.PAST_DUE
                    && base.pastDueSince() != null;
            pastDueSince = alreadyPastDue ? base.pastDueSince() : now;
        }
        String customerId = fetched.customerId() != null ? fetched.customerId()
                : current != null ? current.stripeCustomerId() : null;
        Subscription next = new Subscription(tierId, status, periodEnd, pastDueSince, pendingTierId,
                fetched.cancelAtPeriodEnd(), customerId, fetched.subscriptionId());
        return new SubscriptionTransition(next, unknownPriceId, note);
    }

    private static Subscription withDuePendingApplied(Subscription s, Instant now) {
        if (s.pendingTierId() == null || s.currentPeriodEnd() == null || now.isBefore(s.currentPeriodEnd())) {
            return s;
        }
        return new Subscription(s.pendingTierId(), s.status(), s.currentPeriodEnd(), s.pastDueSince(), null,
                s.cancelAtPeriodEnd(), s.stripeCustomerId(), s.stripeSubscriptionId());
    }

    /** Statuses of a subscription that is being paid for (or in trial). */
    private static boolean isLive(SubscriptionStatus status) {
        return status == SubscriptionStatus.TRIALING || status == SubscriptionStatus.ACTIVE
                || status == SubscriptionStatus.PAST_DUE;
    }

    /** Whether the stored subscription still grants something a non-live one must not take away. */
    private static boolean inForce(Subscription s, Instant now) {
        return isLive(s.status())
                || (s.status() == SubscriptionStatus.CANCELED && s.currentPeriodEnd() != null
                    && now.isBefore(s.currentPeriodEnd()));
    }
}
