package io.live2.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    private static Tokens at(Instant t) {
        return new Tokens(KEY, Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void aFreshTokenNamesItsUserAndExpiresWithinFifteenMinutes() throws Exception {
        String t = at(T0).issue("u_1");
        assertEquals(Optional.of("u_1"), at(T0.plusSeconds(60)).verify(t));
        JWTClaimsSet c = SignedJWT.parse(t).getJWTClaimsSet();
        assertEquals("live2", c.getIssuer());
        assertTrue(c.getAudience().contains("live2-api"));
        assertTrue(c.getJWTID() != null && c.getJWTID().length() >= 16);
        assertTrue(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()).compareTo(Duration.ofMinutes(15)) <= 0);
    }

    @Test
    void expiredTamperedWrongAudienceWrongKeyAndNoneAreRefused() throws Exception {
        String t = at(T0).issue("u_1");
        assertTrue(at(T0.plus(Duration.ofMinutes(16))).verify(t).isEmpty(), "expired");
        String[] parts = t.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertTrue(at(T0).verify(tamperedPayload).isEmpty(), "tampered payload");
        assertTrue(at(T0).verify(parts[0] + "." + parts[1] + ".").isEmpty(), "signature stripped");
        assertTrue(at(T0).verify(sign(KEY, "live2", "someone-else", "u_1")).isEmpty(), "wrong audience");
        assertTrue(at(T0).verify(sign(KEY, "evil", "live2-api", "u_1")).isEmpty(), "wrong issuer");
        assertTrue(at(T0).verify(sign("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8), "live2", "live2-api", "u_1")).isEmpty(), "wrong key");
        String none = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        assertTrue(at(T0).verify(none).isEmpty(), "alg none");
        assertTrue(at(T0).verify(sign(KEY, "live2", "live2-api", "u_1")).isPresent(), "the control token is valid");
    }

    @Property(tries = 200)
    void arbitraryTextIsNeverAToken(@ForAll String junk) {
        assertTrue(at(T0).verify(junk).isEmpty());
    }

    private static String sign(byte[] key, String iss, String aud, String sub) throws Exception {
        JWTClaimsSet c = new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject(sub).jwtID("abcdefghijklmnop")
                .issueTime(Date.from(T0)).expirationTime(Date.from(T0.plusSeconds(600))).build();
        SignedJWT j = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c);
        j.sign(new MACSigner(key));
        return j.serialize();
    }

    private static String base64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
