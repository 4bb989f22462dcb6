package io.live2.billing.stripe;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * stripe-java's verification, as the verifier uses it, accepts exactly the payload that was signed. (Characters stay
 * below the surrogate range: a lone surrogate encodes to '?' in UTF-8, so two different ones sign alike.)
 */
class WebhookSignatureProperties {

    private static final String SECRET = "whsec_property_secret";
    private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 200)
    void anyChangeToTheSignedObjectIsRejected(
            @ForAll @StringLength(min = 1, max = 40) @CharRange(from = ' ', to = '\uD7FF') String userId,
            @ForAll @IntRange(min = 0, max = 39) int position,
            @ForAll @CharRange(from = ' ', to = '\uD7FF') char replacement) throws Exception {
        int at = position % userId.length();
        Assume.that(userId.charAt(at) != replacement);
        long signedAt = NOW.getEpochSecond() - 5;
        String payload = WebhookSigner.checkoutCompleted("evt_p", signedAt, "sub_p", "cus_p", userId);
        String header = WebhookSigner.header(SECRET, signedAt, payload);

        assertEquals(userId.isBlank() ? null : userId, verifier.verify(payload, header).userId());

        char[] changed = userId.toCharArray();
        changed[at] = replacement;
        String tampered = WebhookSigner.checkoutCompleted("evt_p", signedAt, "sub_p", "cus_p", new String(changed));
        var e = assertThrows(WebhookRejectedException.class, () -> verifier.verify(tampered, header));
        assertEquals(WebhookRejectedException.Reason.BAD_SIGNATURE, e.reason());
    }
}
