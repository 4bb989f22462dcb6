package io.live2.billing.stripe;

/**
 * Stripe answered but refused the request itself (a 4xx other than auth and rate limiting): an unknown price, a
 * subscription or customer that does not exist. Retrying the same request will not help.
 */
public final class StripeRequestRejectedException extends StripeGatewayException {
    public StripeRequestRejectedException(String message, int httpStatus, String stripeCode) {
        super(message, httpStatus, stripeCode);
    }
}
