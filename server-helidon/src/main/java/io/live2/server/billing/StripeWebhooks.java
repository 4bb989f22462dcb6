package io.live2.server.billing;

import io.live2.billing.Subscription;
import io.live2.billing.stripe.StripeGateway;
import io.live2.billing.stripe.StripeSubscriptionState;
import io.live2.billing.stripe.SubscriptionMachine;
import io.live2.billing.stripe.VerifiedEvent;
import io.live2.billing.stripe.WebhookVerifier;
import io.live2.server.db.StripeEventRepository;
import io.live2.server.db.SubscriptionRepository;
import io.live2.server.db.UserLocks;
import io.live2.server.http.ApiException;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Stripe's webhook deliveries. The signature is verified by stripe-java (tolerance 300 s) before anything is read;
 * each event id is recorded once, so a redelivery changes nothing; and the event's own payload is never trusted for
 * the new state: the subscription it names is fetched from Stripe, so events that arrive out of order still leave
 * the account as Stripe has it now.
 */
public final class StripeWebhooks {
    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());
    static final Set<String> HANDLED = Set.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed");

    private final WebhookVerifier verifier;
    private final StripeGateway stripe;
    private final StripeEventRepository events;
    private final SubscriptionRepository subscriptions;
    private final Accounts accounts;
    private final UserLocks locks;
    private final Clock clock;

    public StripeWebhooks(WebhookVerifier verifier, StripeGateway stripe, StripeEventRepository events,
                          SubscriptionRepository subscriptions, Accounts accounts, UserLocks locks, Clock clock) {
        this.verifier = verifier;
        this.stripe = stripe;
        this.events = events;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.locks = locks;
        this.clock = clock;
    }

    /** What a delivery did, for the response and the log. */
    public record Outcome(String eventId, String result) {
    }

    /**
     * @throws io.live2.billing.stripe.WebhookRejectedException when the signature is missing, wrong or too old
     *                                                          (nothing is recorded)
     */
    public Outcome handle(String payload, String signatureHeader) throws io.live2.billing.stripe.WebhookRejectedException {
        VerifiedEvent e = verifier.verify(payload, signatureHeader);
        if (!events.recordFirst(e.id(), e.type(), clock.millis())) {
            if (!events.handled(e.id())) {
                // the first delivery is still being handled (and may yet fail and be forgotten): Stripe retries
                throw new ApiException(409, "event_in_progress", "event " + e.id() + " is being handled; deliver it again later");
            }
            return new Outcome(e.id(), "duplicate: already handled");
        }
        try {
            String result = apply(e);
            events.outcome(e.id(), result);
            LOG.info("stripe event " + e.id() + " (" + e.type() + "): " + result);
            return new Outcome(e.id(), result);
        } catch (RuntimeException ex) {
            events.forget(e.id()); // Stripe redelivers a failed delivery; the next one must be handled
            throw ex;
        }
    }

    private String apply(VerifiedEvent e) {
        if (!HANDLED.contains(e.type()) || e.subscriptionId() == null) {
            return "ignored";
        }
        StripeSubscriptionState now = stripe.retrieveSubscription(e.subscriptionId());
        Optional<String> user = Optional.ofNullable(now.userId())
                .or(() -> Optional.ofNullable(e.userId()))
                .or(() -> subscriptions.userBySubscription(now.subscriptionId()))
                .or(() -> now.customerId() == null ? Optional.empty() : subscriptions.userByCustomer(now.customerId()));
        if (user.isEmpty()) {
            return "no account for subscription " + now.subscriptionId();
        }
        String userId = user.get();
        events.attribute(e.id(), userId);
        // one account's deliveries one at a time (they arrive together), each applying Stripe's state as it is
        // while the account is held: a slower handler can never write an older state over a newer one
        try {
            return locks.withLock(userId, c -> applyLocked(c, userId, stripe.retrieveSubscription(now.subscriptionId())));
        } catch (IllegalArgumentException noSuchUser) {
            return "no account " + userId + " for subscription " + now.subscriptionId();
        }
    }

    private String applyLocked(java.sql.Connection c, String userId, StripeSubscriptionState now) throws java.sql.SQLException {
        Subscription current = subscriptions.get(userId).map(SubscriptionRepository.Stored::subscription).orElse(null);
        if (current == null && now.priceId() != null && accounts.tiers().byStripePrice(now.priceId()).isEmpty()) {
            // a price of no configured tier on an account without a subscription: nothing to keep or change
            return "price " + now.priceId() + " is not a configured tier's (billing.tiers.<tier>.stripe_price); account " + userId + " unchanged";
        }
        var transition = SubscriptionMachine.transition(current, now, accounts.tiers()::byStripePrice, accounts.tiers()::get, clock.instant());
        Subscription next = transition.subscription();
        if (transition.unknownPriceId() != null) {
            LOG.warning("stripe subscription " + now.subscriptionId() + " has price " + transition.unknownPriceId()
                    + ", which no tier is configured with; the tier is kept: " + transition.note());
        }
        subscriptions.put(c, userId, next, clock.millis());
        accounts.changed(userId);
        return "subscription of " + userId + ": " + next.status().wireName() + " on " + next.tierId()
                + (next.pendingTierId() != null ? " (then " + next.pendingTierId() + ")" : "");
    }
}
