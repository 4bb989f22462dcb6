package io.live2.billing.stripe;

import java.time.Instant;

/**
 * A webhook event whose signature stripe-java verified, reduced to what the server needs to reconcile: which
 * subscription to fetch, and which account it belongs to. Ids are null where the event type carries none (and for
 * event types the service does not handle, which the server acknowledges and ignores).
 *
 * @param id             Stripe's event id (evt_…): stored once, so a redelivery changes nothing
 * @param type           e.g. customer.subscription.updated
 * @param created        when Stripe created the event
 * @param subscriptionId the subscription the event is about (null: none)
 * @param customerId     the Stripe customer (null: none)
 * @param userId         the account: a checkout session's client_reference_id or a subscription's metadata
 *                       "user_id" (null: not in this event; the fetched subscription's metadata may have it)
 */
public record VerifiedEvent(String id, String type, Instant created, String subscriptionId, String customerId,
                            String userId) {

    /** Whether the event names a subscription to reconcile (false: acknowledge and ignore). */
    public boolean concernsSubscription() {
        return subscriptionId != null;
    }
}
