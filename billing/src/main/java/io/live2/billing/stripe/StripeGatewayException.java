package io.live2.billing.stripe;

/**
 * A Stripe call failed. The message is one line and never contains the secret key; Stripe's own exception is not
 * attached as the cause, because its message may echo (part of) the key.
 */
public abstract sealed class StripeGatewayException extends RuntimeException
        permits StripeUnavailableException, StripeRequestRejectedException {

    private final int httpStatus;
    private final String stripeCode;

    StripeGatewayException(String message, int httpStatus, String stripeCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.stripeCode = stripeCode;
    }

    /** Stripe's HTTP status, or 0 when no answer arrived (network error, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Stripe's machine-readable error code (e.g. resource_missing), or null. */
    public String stripeCode() {
        return stripeCode;
    }
}
