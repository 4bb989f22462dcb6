package io.live2.billing.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs webhook payloads the way Stripe does ({@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<payload>")>}), computed here with javax.crypto so that the verification under test (stripe-java's) is checked
 * against an independent implementation; and builds the JSON of the event types the service handles.
 */
public final class WebhookSigner {

    /** The API version stripe-java 31.1.0 is pinned to; events carry the endpoint's version. */
    public static final String API_VERSION = "2025-12-15.clover";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookSigner() {
    }

    /** The Stripe-Signature header for {@code payload} signed at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String payload) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + payload);
    }

    /** HMAC-SHA256 of {@code text} with {@code secret}, lower-case hex. */
    public static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** An event envelope around {@code dataObject}, as Stripe posts it. */
    public static String event(String id, String type, long created, Map<String, Object> dataObject) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created);
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", map("id", null, "idempotency_key", null));
        event.put("data", Map.of("object", dataObject));
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** checkout.session.completed for a subscription purchase. */
    public static String checkoutCompleted(String eventId, long created, String subscriptionId, String customerId,
                                           String userId) {
        return event(eventId, "checkout.session.completed", created, map(
                "id", "cs_test_" + eventId, "object", "checkout.session", "mode", "subscription",
                "status", "complete", "payment_status", "paid", "subscription", subscriptionId,
                "customer", customerId, "client_reference_id", userId));
    }

    /** customer.subscription.created, .updated or .deleted. */
    public static String subscriptionEvent(String eventId, String type, long created, String subscriptionId,
                                           String customerId, String userId, String status) {
        return event(eventId, type, created, map(
                "id", subscriptionId, "object", "subscription", "customer", customerId, "status", status,
                "metadata", userId == null ? Map.of() : Map.of("user_id", userId)));
    }

    /**
     * invoice.paid or invoice.payment_failed; {@code currentShape}: the subscription under
     * parent.subscription_details (API versions since 2025-03-31), else at invoice.subscription (older ones).
     */
    public static String invoiceEvent(String eventId, String type, long created, String subscriptionId,
                                      String customerId, String userId, boolean currentShape) {
        Map<String, Object> invoice = map("id", "in_" + eventId, "object", "invoice", "customer", customerId,
                "status", type.equals("invoice.paid") ? "paid" : "open");
        Map<String, Object> details = map("subscription", subscriptionId,
                "metadata", userId == null ? Map.of() : Map.of("user_id", userId));
        if (currentShape) {
            invoice.put("parent", map("type", "subscription_details", "subscription_details", details));
        } else {
            invoice.put("subscription", subscriptionId);
            invoice.put("subscription_details", map("metadata", details.get("metadata")));
        }
        return event(eventId, type, created, invoice);
    }

    /** A map that, unlike Map.of, keeps nulls (Stripe sends explicit nulls) and order. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
