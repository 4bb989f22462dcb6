package io.live2.billing.stripe;

/**
 * Stripe could not be used: network error or timeout, a 5xx, rate limiting, or the secret key was refused (401/403).
 * Nothing the user did wrong; the server answers 502/503 and may retry later.
 */
public final class StripeUnavailableException extends StripeGatewayException {
    public StripeUnavailableException(String message, int httpStatus, String stripeCode) {
        super(message, httpStatus, stripeCode);
    }
}
