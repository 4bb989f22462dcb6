package io.live2.billing.stripe;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.live2.billing.stripe.WebhookRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookVerifierTest {

    private static final String SECRET = "whsec_test_verifier_secret";
    private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
    private static final long SIGNED_AT = NOW.getEpochSecond() - 10;

    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String signed(String payload) {
        return WebhookSigner.header(SECRET, SIGNED_AT, payload);
    }

    @Test
    void theSignerAndStripeJavaAgreeOnTheScheme() throws Exception {
        String payload = WebhookSigner.checkoutCompleted("evt_1", SIGNED_AT, "sub_1", "cus_1", "user-1");

        // stripe-java's own code accepts our independently computed signature and reads our envelope
        assertTrue(Webhook.Signature.verifyHeader(payload, signed(payload), SECRET, 300,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        Event event = Webhook.constructEvent(payload, signed(payload), SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("evt_1", event.getId());
        assertEquals("checkout.session.completed", event.getType());
    }

    @Test
    void checkoutCompletedNamesSubscriptionCustomerAndAccount() throws Exception {
        String payload = WebhookSigner.checkoutCompleted("evt_c", SIGNED_AT, "sub_1", "cus_1", "user-1");

        assertEquals(new VerifiedEvent("evt_c", "checkout.session.completed", Instant.ofEpochSecond(SIGNED_AT),
                "sub_1", "cus_1", "user-1"), verifier.verify(payload, signed(payload)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted"})
    void subscriptionEventsNameTheSubscriptionAndItsAccount(String type) throws Exception {
        String payload = WebhookSigner.subscriptionEvent("evt_s", type, SIGNED_AT, "sub_2", "cus_2", "user-2",
                "active");

        assertEquals(new VerifiedEvent("evt_s", type, Instant.ofEpochSecond(SIGNED_AT), "sub_2", "cus_2", "user-2"),
                verifier.verify(payload, signed(payload)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice.paid", "invoice.payment_failed"})
    void invoiceEventsFindTheSubscriptionInEitherApiVersionsShape(String type) throws Exception {
        String current = WebhookSigner.invoiceEvent("evt_i1", type, SIGNED_AT, "sub_3", "cus_3", "user-3", true);
        String legacy = WebhookSigner.invoiceEvent("evt_i2", type, SIGNED_AT, "sub_3", "cus_3", "user-3", false);

        VerifiedEvent fromCurrent = verifier.verify(current, signed(current));
        VerifiedEvent fromLegacy = verifier.verify(legacy, signed(legacy));

        assertEquals(new VerifiedEvent("evt_i1", type, Instant.ofEpochSecond(SIGNED_AT), "sub_3", "cus_3", "user-3"),
                fromCurrent);
        assertEquals("sub_3", fromLegacy.subscriptionId());
        assertEquals("cus_3", fromLegacy.customerId());
        assertEquals("user-3", fromLegacy.userId());
    }

    @Test
    void expandedCustomerObjectsStillGiveTheId() throws Exception {
        String payload = WebhookSigner.event("evt_x", "customer.subscription.updated", SIGNED_AT,
                Map.of("id", "sub_4", "object", "subscription", "customer", Map.of("id", "cus_4", "object", "customer")));

        assertEquals("cus_4", verifier.verify(payload, signed(payload)).customerId());
    }

    @Test
    void otherEventTypesVerifyButNameNothing() throws Exception {
        String payload = WebhookSigner.event("evt_o", "customer.created", SIGNED_AT,
                Map.of("id", "cus_5", "object", "customer"));

        VerifiedEvent event = verifier.verify(payload, signed(payload));

        assertEquals("customer.created", event.type());
        assertNull(event.subscriptionId());
        assertNull(event.customerId());
        assertFalse(event.concernsSubscription());
    }

    @Test
    void aTamperedByteIsABadSignature() {
        String payload = WebhookSigner.subscriptionEvent("evt_t", "customer.subscription.updated", SIGNED_AT, "sub_1",
                "cus_1", "user-1", "active");
        String header = signed(payload);
        String tampered = payload.replace("user-1", "user-2");

        assertEquals(Reason.BAD_SIGNATURE, rejection(tampered, header));
    }

    @Test
    void anotherSecretIsABadSignature() {
        String payload = WebhookSigner.checkoutCompleted("evt_w", SIGNED_AT, "sub_1", "cus_1", "user-1");

        assertEquals(Reason.BAD_SIGNATURE,
                rejection(payload, WebhookSigner.header("whsec_someone_else", SIGNED_AT, payload)));
    }

    @Test
    void noHeaderIsAMissingSignature() {
        String payload = WebhookSigner.checkoutCompleted("evt_m", SIGNED_AT, "sub_1", "cus_1", "user-1");

        assertEquals(Reason.MISSING_SIGNATURE, rejection(payload, null));
        assertEquals(Reason.MISSING_SIGNATURE, rejection(payload, "  "));
    }

    @Test
    void aSignatureOlderThanTheToleranceIsTooOldAndOneJustInsideIsAccepted() throws Exception {
        String payload = WebhookSigner.checkoutCompleted("evt_old", SIGNED_AT, "sub_1", "cus_1", "user-1");
        long tooOld = NOW.getEpochSecond() - 301;
        long justInside = NOW.getEpochSecond() - 300;

        assertEquals(Reason.TOO_OLD, rejection(payload, WebhookSigner.header(SECRET, tooOld, payload)));
        assertEquals("evt_old", verifier.verify(payload, WebhookSigner.header(SECRET, justInside, payload)).id());
    }

    @Test
    void theSystemClockIsUsedByDefault() {
        var live = new WebhookVerifier(SECRET, 300);
        String payload = WebhookSigner.checkoutCompleted("evt_sys", SIGNED_AT, "sub_1", "cus_1", "user-1");
        long now = Instant.now().getEpochSecond();

        var e = assertThrows(WebhookRejectedException.class,
                () -> live.verify(payload, WebhookSigner.header(SECRET, now - 3600, payload)));
        assertEquals(Reason.TOO_OLD, e.reason());
    }

    @Test
    void aHeaderWithoutTimestampOrV1SignatureIsMalformed() {
        String payload = WebhookSigner.checkoutCompleted("evt_h", SIGNED_AT, "sub_1", "cus_1", "user-1");
        String v1 = WebhookSigner.hmacHex(SECRET, SIGNED_AT + "." + payload);

        assertEquals(Reason.MALFORMED, rejection(payload, "v1=" + v1));
        assertEquals(Reason.MALFORMED, rejection(payload, "t=" + SIGNED_AT + ",v0=" + v1));
        assertEquals(Reason.MALFORMED, rejection(payload, "garbage"));
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsMalformed() {
        assertEquals(Reason.MALFORMED, rejection("not json", signed("not json")));
        String noData = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1}";
        assertEquals(Reason.MALFORMED, rejection(noData, signed(noData)));
    }

    /** Found by `live drill fuzz`: these reached the database (VARCHAR(100)) or Instant.ofEpochSecond and answered 500. */
    @Test
    void anOverlongIdOrTypeOrAnImpossibleTimeIsMalformed() throws Exception {
        Map<String, Object> data = Map.of("id", "cus_1", "object", "customer");
        for (String p : new String[] {WebhookSigner.event("evt_" + "x".repeat(97), "customer.created", 1, data),
            WebhookSigner.event("evt_1", "customer." + "x".repeat(92), 1, data),
            WebhookSigner.event("evt_1", "customer.created", 5_972_909_696_365_003_340L, data),
            WebhookSigner.event("evt_1", "customer.created", 253_402_300_800L, data),
            WebhookSigner.event("evt_1", "customer.created", -1, data)}) {
            assertEquals(Reason.MALFORMED, rejection(p, signed(p)), p);
        }
        String longest = WebhookSigner.event("evt_" + "x".repeat(96), "customer.created", 253_402_300_799L, data);
        assertEquals(100, verifier.verify(longest, signed(longest)).id().length());
    }

    @Test
    void reasonsHaveTheirWireCodes() {
        assertEquals("missing_signature", Reason.MISSING_SIGNATURE.code());
        assertEquals("bad_signature", Reason.BAD_SIGNATURE.code());
        assertEquals("too_old", Reason.TOO_OLD.code());
        assertEquals("malformed", Reason.MALFORMED.code());
    }

    @Test
    void aToleranceOfZeroIsRefusedBecauseItWouldDisableTheReplayCheck() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier(SECRET, 0));
        assertTrue(e.getMessage().startsWith("toleranceSeconds"), e.getMessage());
    }

    private Reason rejection(String payload, String header) {
        return assertThrows(WebhookRejectedException.class, () -> verifier.verify(payload, header)).reason();
    }
}
