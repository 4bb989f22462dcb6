package io.live2.billing.stripe;

/**
 * A Stripe Checkout session created for a subscription purchase.
 *
 * @param id  Stripe's session id (cs_…)
 * @param url the page the browser is sent to for payment
 */
public record CheckoutSession(String id, String url) {
}
