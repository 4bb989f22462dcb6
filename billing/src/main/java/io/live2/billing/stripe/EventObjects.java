package io.live2.billing.stripe;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads the ids out of a verified event's data.object straight from the JSON: stripe-java's typed deserializer
 * refuses events whose API version differs from the one it was built for, and the handful of fields needed here have
 * been stable across versions (except the invoice's subscription, which moved; both places are read).
 */
final class EventObjects {

    private EventObjects() {
    }

    static VerifiedEvent read(String id, String type, Instant created, JsonNode object) {
        return switch (type) {
            case "checkout.session.completed" -> new VerifiedEvent(id, type, created,
                    idOf(object.path("subscription")), idOf(object.path("customer")),
                    text(object.path("client_reference_id")));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    new VerifiedEvent(id, type, created, text(object.path("id")), idOf(object.path("customer")),
                            text(object.path("metadata").path("user_id")));
            case "invoice.paid", "invoice.payment_failed" -> new VerifiedEvent(id, type, created,
                    invoiceSubscription(object), idOf(object.path("customer")),
                    invoiceUserId(object));
            default -> new VerifiedEvent(id, type, created, null, null, null);
        };
    }

    /** Before API version 2025-03-31 at invoice.subscription; since then at invoice.parent.subscription_details. */
    private static String invoiceSubscription(JsonNode invoice) {
        String legacy = idOf(invoice.path("subscription"));
        return legacy != null ? legacy
                : idOf(invoice.path("parent").path("subscription_details").path("subscription"));
    }

    /** The subscription's metadata, which the invoice copies (newer versions: under parent.subscription_details). */
    private static String invoiceUserId(JsonNode invoice) {
        String parent = text(invoice.path("parent").path("subscription_details").path("metadata").path("user_id"));
        return parent != null ? parent : text(invoice.path("subscription_details").path("metadata").path("user_id"));
    }

    /** An expandable field: a plain id, or the expanded object carrying one. */
    private static String idOf(JsonNode field) {
        return field.isObject() ? text(field.path("id")) : text(field);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
