package io.live2.billing.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks that a webhook delivery comes from Stripe, with stripe-java's own signature verification (HMAC-SHA256 over
 * "timestamp.payload" with the endpoint secret, and the timestamp no older than the tolerance), and only then reads
 * the event.
 */
public final class WebhookVerifier {
    /** The longest event id and type kept (stripe_events.event_id and event_type are VARCHAR(100)). */
    public static final int MAX_ID_CHARS = 100;
    /** 9999-12-31T23:59:59Z: a created time past it is no Stripe event's. */
    static final long MAX_CREATED = 253_402_300_799L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpointSecret;
    private final long toleranceSeconds;
    private final Clock clock;

    /**
     * @param endpointSecret   the webhook endpoint's signing secret (whsec_…)
     * @param toleranceSeconds how old a signature may be (the server uses 300, Stripe's default); must be positive,
     *                         since 0 would switch stripe-java's replay check off
     */
    public WebhookVerifier(String endpointSecret, long toleranceSeconds) {
        this(endpointSecret, toleranceSeconds, Clock.systemUTC());
    }

    public WebhookVerifier(String endpointSecret, long toleranceSeconds, Clock clock) {
        if (endpointSecret == null || endpointSecret.isBlank()) {
            throw new IllegalArgumentException("endpointSecret: must be the webhook signing secret, got an empty value");
        }
        if (toleranceSeconds < 1 || toleranceSeconds > 86_400) {
            throw new IllegalArgumentException("toleranceSeconds: must be 1..86400, got " + toleranceSeconds);
        }
        this.endpointSecret = endpointSecret;
        this.toleranceSeconds = toleranceSeconds;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param payload         the request body exactly as received (any re-encoding breaks the signature)
     * @param signatureHeader the Stripe-Signature header (null or blank: missing)
     */
    public VerifiedEvent verify(String payload, String signatureHeader) throws WebhookRejectedException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MISSING_SIGNATURE,
                    "no Stripe-Signature header");
        }
        if (payload == null) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "empty body");
        }
        try {
            // verify before parsing: nothing from an unauthenticated body is read
            Webhook.Signature.verifyHeader(payload, signatureHeader, endpointSecret, toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException(reasonOf(e), e.getMessage());
        }
        return parse(payload);
    }

    /**
     * stripe-java reports every failure with one exception type; its messages tell them apart (pinned by
     * WebhookVerifierTest, so a library upgrade that rewords them fails the build instead of mislabelling).
     */
    private static WebhookRejectedException.Reason reasonOf(SignatureVerificationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Timestamp outside the tolerance zone")) {
            return WebhookRejectedException.Reason.TOO_OLD;
        }
        if (message.startsWith("Unable to extract timestamp and signatures from header")
                || message.startsWith("No signatures found with expected scheme")) {
            return WebhookRejectedException.Reason.MALFORMED;
        }
        return WebhookRejectedException.Reason.BAD_SIGNATURE;
    }

    private static VerifiedEvent parse(String payload) throws WebhookRejectedException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "body is not a JSON object");
        }
        String id = root.path("id").asText("");
        String type = root.path("type").asText("");
        JsonNode object = root.path("data").path("object");
        if (id.isBlank() || type.isBlank() || !root.path("created").canConvertToLong() || !object.isObject()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "not a Stripe event: needs id, type, created and data.object");
        }
        // found by `live drill fuzz`: an id or type longer than its column, or a time Instant cannot hold, was a 500
        if (id.length() > MAX_ID_CHARS || type.length() > MAX_ID_CHARS) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "not a Stripe event: id and type are at most " + MAX_ID_CHARS + " characters");
        }
        long created = root.path("created").asLong();
        if (created < 0 || created > MAX_CREATED) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "not a Stripe event: created " + created + " is not a time between 1970 and 9999");
        }
        return EventObjects.read(id, type, Instant.ofEpochSecond(created), object);
    }
}
