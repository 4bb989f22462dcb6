package io.live2.server.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.billing.stripe.StripeStub;
import io.live2.billing.stripe.StripeSubscriptionState;
import io.live2.billing.stripe.WebhookSigner;
import io.live2.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe end to end without the internet: the server talks to a local stub of Stripe's API, and webhook payloads
 * are signed here with Stripe's scheme and verified by stripe-java inside the server. A tier comes only from
 * Stripe's state: checkout, then the signed webhook, then the subscription fetched from Stripe.
 */
class StripeBillingApiTest {
    static final String STRIPE_KEY = "sk_test_stub_51H";
    static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef";

    @TempDir
    Path tmp;
    StripeStub stripe;
    TestServer server;
    String key;

    @BeforeEach
    void start() {
        stripe = new StripeStub(STRIPE_KEY);
        Map<String, String> env = new HashMap<>();
        env.put("LIVE_BILLING_DEFAULT_TIER", "none");
        env.put("LIVE_STRIPE_SECRET_KEY", STRIPE_KEY);
        env.put("LIVE_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("LIVE_STRIPE_API_BASE", stripe.apiBase());
        env.put("LIVE_BILLING_TIER_RESEARCH_STRIPE_PRICE", "price_research");
        env.put("LIVE_BILLING_TIER_PRO_STRIPE_PRICE", "price_pro");
        env.put("LIVE_BILLING_TIER_HOBBY_API_REQUESTS_PER_MINUTE", "50");
        server = TestServer.start(kind(), tmp.resolve("data"), env);
        key = server.newUserKey("buyer@example.org");
    }

    /** Where the server keeps its data: embedded H2 here, PostgreSQL and Redis in the subclass. */
    TestServer.Kind kind() {
        return TestServer.Kind.EMBEDDED;
    }

    @AfterEach
    void stop() {
        server.close();
        stripe.close();
    }

    private TestServer.Response deliver(String payload, long signedAt) {
        return server.call("POST", "/api/v1/billing/webhooks/stripe", payload,
                Map.of("Content-Type", "application/json", "Stripe-Signature", WebhookSigner.header(WEBHOOK_SECRET, signedAt, payload)));
    }

    private JsonNode subscription() {
        return server.get("/api/v1/billing/subscription", key).body();
    }

    private String checkoutUser() {
        TestServer.Response r = server.post("/api/v1/billing/checkout", key, "{\"tier\":\"research\"}");
        assertEquals(200, r.status(), r.raw().body());
        assertTrue(r.body().path("url").asText().startsWith("http"), r.raw().body());
        var sent = stripe.lastRequest("/v1/checkout/sessions").orElseThrow();
        assertEquals("price_research", sent.param("line_items[0][price]"));
        String user = sent.param("client_reference_id");
        assertEquals(user, sent.param("subscription_data[metadata][user_id]"));
        return user;
    }

    @Test
    void aCheckoutBecomesATierOnlyThroughStripesSignedWebhook() {
        assertEquals("none", subscription().path("status").asText());
        String user = checkoutUser();
        assertEquals("none", subscription().path("status").asText(), "a checkout session alone grants nothing");

        Instant periodEnd = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        stripe.putSubscription(new StripeSubscriptionState("sub_1", "cus_1", "active", "price_research", periodEnd, false, user));
        long now = Instant.now().getEpochSecond();
        String completed = WebhookSigner.checkoutCompleted("evt_1", now, "sub_1", "cus_1", user);
        TestServer.Response r = deliver(completed, now);
        assertEquals(200, r.status(), r.raw().body());
        JsonNode sub = subscription();
        assertEquals("research", sub.path("tier").asText(), sub.toString());
        assertEquals("active", sub.path("status").asText());
        assertEquals(periodEnd.toString(), sub.path("current_period_end").asText());
        assertTrue(sub.path("admits_new_jobs").asBoolean());

        // redelivered: recorded once, nothing changes even if Stripe's state moved meanwhile
        stripe.putSubscription(new StripeSubscriptionState("sub_1", "cus_1", "past_due", "price_research", periodEnd, false, user));
        TestServer.Response again = deliver(completed, now);
        assertEquals(200, again.status());
        assertTrue(again.body().path("result").asText().startsWith("duplicate"), again.raw().body());
        assertEquals("active", subscription().path("status").asText());

        // the portal is for an account with a Stripe customer
        TestServer.Response portal = server.post("/api/v1/billing/portal", key, "");
        assertEquals(200, portal.status(), portal.raw().body());
        assertEquals("cus_1", stripe.lastRequest("/v1/billing_portal/sessions").orElseThrow().param("customer"));
    }

    @Test
    void forgedStaleOrUnsignedDeliveriesChangeNothing() {
        String user = checkoutUser();
        Instant periodEnd = Instant.now().plus(30, ChronoUnit.DAYS);
        stripe.putSubscription(new StripeSubscriptionState("sub_2", "cus_2", "active", "price_pro", periodEnd, false, user));
        long now = Instant.now().getEpochSecond();
        String payload = WebhookSigner.checkoutCompleted("evt_forged", now, "sub_2", "cus_2", user);

        String tampered = payload.replace("cus_2", "cus_9");
        TestServer.Response forged = server.call("POST", "/api/v1/billing/webhooks/stripe", tampered,
                Map.of("Content-Type", "application/json", "Stripe-Signature", WebhookSigner.header(WEBHOOK_SECRET, now, payload)));
        assertEquals(400, forged.status(), forged.raw().body());
        assertEquals("invalid_signature", forged.body().path("error").path("code").asText());

        TestServer.Response stale = deliver(payload, now - 301);
        assertEquals(400, stale.status(), stale.raw().body());
        assertTrue(stale.body().path("error").path("message").asText().contains("too_old"), stale.raw().body());

        TestServer.Response unsigned = server.call("POST", "/api/v1/billing/webhooks/stripe", payload, Map.of("Content-Type", "application/json"));
        assertEquals(400, unsigned.status(), unsigned.raw().body());

        TestServer.Response wrongSecret = server.call("POST", "/api/v1/billing/webhooks/stripe", payload,
                Map.of("Content-Type", "application/json", "Stripe-Signature", WebhookSigner.header("whsec_other_secret_value", now, payload)));
        assertEquals(400, wrongSecret.status());

        assertEquals("none", subscription().path("status").asText(), "no refused delivery changed the account");
        // and the refused event id was not recorded: the genuine delivery is still handled
        TestServer.Response genuine = deliver(payload, now);
        assertEquals(200, genuine.status(), genuine.raw().body());
        assertEquals("pro", subscription().path("tier").asText());
    }

    @Test
    void eventsOutOfOrderLeaveTheAccountAsStripeHasItNow() {
        String user = checkoutUser();
        Instant periodEnd = Instant.now().plus(30, ChronoUnit.DAYS);
        long now = Instant.now().getEpochSecond();
        // Stripe's current state: upgraded to pro. The older "created" event (research) arrives after the newer one.
        stripe.putSubscription(new StripeSubscriptionState("sub_3", "cus_3", "active", "price_pro", periodEnd, false, user));
        assertEquals(200, deliver(WebhookSigner.subscriptionEvent("evt_new", "customer.subscription.updated", now, "sub_3", "cus_3", user, "active"), now).status());
        assertEquals(200, deliver(WebhookSigner.subscriptionEvent("evt_old", "customer.subscription.created", now - 60, "sub_3", "cus_3", user, "active"), now).status());
        assertEquals("pro", subscription().path("tier").asText(), "the older event did not roll the tier back");

        // a downgrade takes effect at the period's end: pro stays, research is pending
        stripe.putSubscription(new StripeSubscriptionState("sub_3", "cus_3", "active", "price_research", periodEnd, false, user));
        assertEquals(200, deliver(WebhookSigner.subscriptionEvent("evt_down", "customer.subscription.updated", now, "sub_3", "cus_3", user, "active"), now).status());
        JsonNode sub = subscription();
        assertEquals("pro", sub.path("tier").asText(), sub.toString());
        assertEquals("research", sub.path("pending_tier").asText());

        // a failed payment: past_due, still admitting new jobs during the grace period
        stripe.putSubscription(new StripeSubscriptionState("sub_3", "cus_3", "past_due", "price_pro", periodEnd, false, user));
        assertEquals(200, deliver(WebhookSigner.invoiceEvent("evt_fail", "invoice.payment_failed", now, "sub_3", "cus_3", user, true), now).status());
        sub = subscription();
        assertEquals("past_due", sub.path("status").asText());
        assertTrue(sub.path("admits_new_jobs").asBoolean(), "within the grace period");

        // the user cancels in the portal: at the period's end, so new jobs until then
        stripe.putSubscription(new StripeSubscriptionState("sub_3", "cus_3", "active", "price_pro", periodEnd, true, user));
        assertEquals(200, deliver(WebhookSigner.subscriptionEvent("evt_cancel", "customer.subscription.updated", now, "sub_3", "cus_3", user, "active"), now).status());
        sub = subscription();
        assertTrue(sub.path("cancel_at_period_end").asBoolean());
        assertTrue(sub.path("admits_new_jobs").asBoolean(), "until the period's end");

        // payments failed for good (unpaid), or the subscription was deleted: no new job, period end or not
        stripe.putSubscription(new StripeSubscriptionState("sub_3", "cus_3", "unpaid", "price_pro", periodEnd, false, user));
        assertEquals(200, deliver(WebhookSigner.subscriptionEvent("evt_unpaid", "customer.subscription.updated", now, "sub_3", "cus_3", user, "unpaid"), now).status());
        sub = subscription();
        assertEquals("canceled", sub.path("status").asText());
        assertFalse(sub.path("admits_new_jobs").asBoolean(), "no free jobs for the rest of an unpaid period");
    }

    @Test
    void thereIsNoRouteThatChangesATierWithoutStripe() {
        TestServer.Response upgrade = server.post("/api/v1/billing/upgrade", key, "{\"tier\":\"pro\"}");
        assertEquals(404, upgrade.status());
        TestServer.Response unsold = server.post("/api/v1/billing/checkout", key, "{\"tier\":\"enterprise\"}");
        assertEquals(422, unsold.status(), "enterprise has no Stripe price: sold by contract");
        assertFalse(subscription().path("admits_new_jobs").asBoolean());
        assertNull(stripe.lastRequest("/v1/checkout/sessions").orElse(null));
    }
}
