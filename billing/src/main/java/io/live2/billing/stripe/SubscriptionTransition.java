package io.live2.billing.stripe;

import io.live2.billing.Subscription;

/**
 * What {@link SubscriptionMachine} made of a fetched Stripe state.
 *
 * @param subscription   the subscription to store
 * @param unknownPriceId Stripe's price when it maps to no configured tier (the tier was kept; the operator should add
 *                       the price to the tier configuration); null when the price was known
 * @param note           one line for the log when something was kept or ignored rather than applied; null otherwise
 */
public record SubscriptionTransition(Subscription subscription, String unknownPriceId, String note) {
}
