package io.live2.billing.stripe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeGatewayTest {

    private static final String KEY = "sk_test_51GatewayTestKeyAbc123";

    private StripeStub stripe;
    private StripeGateway gateway;

    @BeforeEach
    void start() {
        stripe = new StripeStub(KEY);
        gateway = new StripeGateway(KEY, stripe.apiBase());
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void checkoutSessionCarriesThePriceAndTheAccountToStripe() {
        CheckoutSession session = gateway.createCheckoutSession("user-7", "ada@example.org", null, "price_research",
                "https://app.test/billing/ok", "https://app.test/billing/cancel");

        StripeStub.RecordedRequest request = stripe.lastRequest("/v1/checkout/sessions").orElseThrow();
        assertEquals("POST", request.method());
        assertEquals("Bearer " + KEY, request.authorization());
        assertEquals("subscription", request.param("mode"));
        assertEquals("price_research", request.param("line_items[0][price]"));
        assertEquals("1", request.param("line_items[0][quantity]"));
        assertEquals("user-7", request.param("client_reference_id"));
        assertEquals("user-7", request.param("subscription_data[metadata][user_id]"));
        assertEquals("ada@example.org", request.param("customer_email"));
        assertNull(request.param("customer"));
        assertEquals("https://app.test/billing/ok", request.param("success_url"));
        assertEquals("https://app.test/billing/cancel", request.param("cancel_url"));
        assertTrue(session.id().startsWith("cs_test_"), session.id());
        assertEquals("https://checkout.stripe.test/c/pay/" + session.id(), session.url());
    }

    @Test
    void anExistingCustomerIsReusedInsteadOfTheEmail() {
        gateway.createCheckoutSession("user-7", "ada@example.org", "cus_42", "price_pro", "https://a/ok",
                "https://a/cancel");

        StripeStub.RecordedRequest request = stripe.lastRequest("/v1/checkout/sessions").orElseThrow();
        assertEquals("cus_42", request.param("customer"));
        assertNull(request.param("customer_email"), "Stripe refuses customer and customer_email together");
    }

    @Test
    void portalSessionReturnsStripesUrl() {
        String url = gateway.createPortalSession("cus_42", "https://app.test/account");

        StripeStub.RecordedRequest request = stripe.lastRequest("/v1/billing_portal/sessions").orElseThrow();
        assertEquals("cus_42", request.param("customer"));
        assertEquals("https://app.test/account", request.param("return_url"));
        assertTrue(url.startsWith("https://billing.stripe.test/p/session/bps_test_"), url);
    }

    @Test
    void retrievedSubscriptionMapsEveryField() {
        var state = new StripeSubscriptionState("sub_1", "cus_1", "past_due", "price_pro",
                Instant.parse("2030-02-01T00:00:00Z"), true, "user-9");
        stripe.putSubscription(state);

        assertEquals(state, gateway.retrieveSubscription("sub_1"));
        assertEquals("GET", stripe.lastRequest("/v1/subscriptions/sub_1").orElseThrow().method());
    }

    @Test
    void subscriptionWithoutUserMetadataHasNoUserId() {
        stripe.putSubscription(new StripeSubscriptionState("sub_2", "cus_2", "active", "price_hobby",
                Instant.parse("2030-02-01T00:00:00Z"), false, null));

        assertNull(gateway.retrieveSubscription("sub_2").userId());
    }

    @Test
    void periodEndIsTheLatestItemsOrElseTheSubscriptionsOwn() {
        stripe.putSubscriptionJson("sub_items", """
                {"id":"sub_items","object":"subscription","customer":"cus_3","status":"active",
                 "cancel_at_period_end":false,"metadata":{},
                 "items":{"object":"list","data":[
                   {"id":"si_a","object":"subscription_item","current_period_end":1900000000,
                    "price":{"id":"price_pro","object":"price"}},
                   {"id":"si_b","object":"subscription_item","current_period_end":1900086400,
                    "price":{"id":"price_addon","object":"price"}}]}}""");
        stripe.putSubscriptionJson("sub_legacy", """
                {"id":"sub_legacy","object":"subscription","customer":"cus_4","status":"active",
                 "cancel_at_period_end":false,"current_period_end":1800000000,"metadata":{"user_id":"u4"},
                 "items":{"object":"list","data":[
                   {"id":"si_c","object":"subscription_item","price":{"id":"price_hobby","object":"price"}}]}}""");

        StripeSubscriptionState items = gateway.retrieveSubscription("sub_items");
        assertEquals(Instant.ofEpochSecond(1900086400), items.currentPeriodEnd());
        assertEquals("price_pro", items.priceId(), "the first item's price is the tier's");
        assertEquals(Instant.ofEpochSecond(1800000000), gateway.retrieveSubscription("sub_legacy").currentPeriodEnd());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverSideFailuresAreUnavailable(int status) {
        stripe.failNext(status);

        var e = assertThrows(StripeUnavailableException.class, () -> gateway.createPortalSession("cus_1", "https://a"));
        assertEquals(status, e.httpStatus());
        assertTrue(e.getMessage().contains("portal session") && e.getMessage().contains("HTTP " + status),
                e.getMessage());
    }

    @Test
    void aRefusedKeyIsUnavailableAndTheMessageNeverShowsTheKey() {
        String wrongKey = "sk_test_51WrongKeyDoNotLeakXyz789";
        var wrong = new StripeGateway(wrongKey, stripe.apiBase());

        var e = assertThrows(StripeUnavailableException.class, () -> wrong.retrieveSubscription("sub_1"));

        assertEquals(401, e.httpStatus());
        assertFalse(e.getMessage().contains(wrongKey), e.getMessage());
        assertFalse(e.getMessage().contains("WrongKeyDoNotLeak"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid API Key provided"), "Stripe's explanation stays: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertNull(e.getCause(), "stripe-java's exception may carry the key");
    }

    @Test
    void anUnknownSubscriptionIsRejectedNotUnavailable() {
        var e = assertThrows(StripeRequestRejectedException.class, () -> gateway.retrieveSubscription("sub_nope"));

        assertEquals(404, e.httpStatus());
        assertEquals("resource_missing", e.stripeCode());
        assertTrue(e.getMessage().contains("No such subscription: 'sub_nope'"), e.getMessage());
    }

    @Test
    void noAnswerAtAllIsUnavailable() {
        String deadBase = stripe.apiBase();
        stripe.close();
        var offline = new StripeGateway(KEY, deadBase, Duration.ofSeconds(2), Duration.ofSeconds(2), 0);

        var e = assertThrows(StripeUnavailableException.class, () -> offline.retrieveSubscription("sub_1"));

        assertEquals(0, e.httpStatus());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void emptyArgumentsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> gateway.createCheckoutSession("user-1", null, null, " ", "https://a/ok", "https://a/c"));
        assertTrue(e.getMessage().startsWith("priceId"), e.getMessage());
        var noKey = assertThrows(IllegalArgumentException.class, () -> new StripeGateway("", null));
        assertTrue(noKey.getMessage().startsWith("secretKey"), noKey.getMessage());
    }
}
