package io.live2.billing.stripe;

import java.util.Locale;

/**
 * A webhook delivery that is not provably from Stripe, or not readable: the server answers 400 and changes nothing.
 * Checked, so the endpoint cannot forget to turn it into a refusal.
 */
public final class WebhookRejectedException extends Exception {

    /** Why the delivery was refused; {@link #code()} is what the server logs and returns. */
    public enum Reason {
        /** No Stripe-Signature header at all. */
        MISSING_SIGNATURE,
        /** A signature that does not match the payload and the endpoint secret (tampered, or another secret). */
        BAD_SIGNATURE,
        /** Correctly signed, but the signature's timestamp is older than the tolerance (a replay). */
        TOO_OLD,
        /** The header has no timestamp or v1 signature, or the signed payload is not a Stripe event. */
        MALFORMED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String message) {
        super(reason.code() + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
