package io.live2.billing.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the fields the service needs from stripe-java's {@link Subscription}. */
final class StripeSubscriptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeSubscriptions() {
    }

    static StripeSubscriptionState toState(Subscription subscription) {
        List<SubscriptionItem> items = subscription.getItems() == null || subscription.getItems().getData() == null
                ? List.of() : subscription.getItems().getData();
        String priceId = items.isEmpty() || items.getFirst().getPrice() == null
                ? null : items.getFirst().getPrice().getId();
        Map<String, String> metadata = subscription.getMetadata();
        return new StripeSubscriptionState(
                subscription.getId(),
                subscription.getCustomer(),
                subscription.getStatus(),
                priceId,
                periodEnd(subscription, items),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                metadata == null ? null : metadata.get("user_id"));
    }

    /**
     * Since API version 2025-03-31 the period end sits on each item (items may renew apart; the latest is the
     * subscription's); older API versions put it on the subscription, which stripe-java 31's model no longer reads, so
     * that one comes from the raw answer.
     */
    private static Instant periodEnd(Subscription subscription, List<SubscriptionItem> items) {
        Long latest = items.stream()
                .map(SubscriptionItem::getCurrentPeriodEnd)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
        if (latest == null) {
            latest = topLevelPeriodEnd(subscription);
        }
        return latest == null ? null : Instant.ofEpochSecond(latest);
    }

    private static Long topLevelPeriodEnd(Subscription subscription) {
        if (subscription.getLastResponse() == null || subscription.getLastResponse().body() == null) {
            return null;
        }
        try {
            JsonNode end = JSON.readTree(subscription.getLastResponse().body()).path("current_period_end");
            return end.canConvertToLong() ? end.asLong() : null;
        } catch (IOException e) {
            return null; // stripe-java already parsed this body; an unreadable one has no period end to offer
        }
    }
}
