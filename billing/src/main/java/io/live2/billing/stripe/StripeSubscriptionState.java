package io.live2.billing.stripe;

import java.time.Instant;

/**
 * A subscription as Stripe reports it right now: what {@link SubscriptionMachine} turns into the service's own
 * {@link io.live2.billing.Subscription}.
 *
 * @param subscriptionId    Stripe's subscription id (sub_…)
 * @param customerId        Stripe's customer id (cus_…; null if Stripe gave none)
 * @param status            Stripe's status string (active, trialing, past_due, canceled, incomplete, …)
 * @param priceId           the price of the subscription's first item (null: no item)
 * @param currentPeriodEnd  end of the paid period (null: Stripe gave none)
 * @param cancelAtPeriodEnd the customer asked to cancel when the period ends
 * @param userId            the account, from the subscription's metadata "user_id" (null: not set)
 */
public record StripeSubscriptionState(String subscriptionId, String customerId, String status, String priceId,
                                      Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String userId) {
}
