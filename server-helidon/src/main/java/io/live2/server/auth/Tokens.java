package io.live2.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Access tokens: HS256 JWTs (nimbus-jose-jwt) with iss, aud, sub (user id), iat, exp (at most 15 minutes) and a
 * random jti. {@link #verify} accepts only our algorithm, issuer and audience, an unexpired token (30 s clock skew)
 * and a valid signature; anything else is empty, never an exception.
 */
public final class Tokens {
    public static final String ISSUER = "live2";
    public static final String AUDIENCE = "live2-api";
    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final byte[] key;
    private final Clock clock;

    public Tokens(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("jwt secret: " + key.length + " bytes; at least 32 are required for HS256");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    public String issue(String userId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ACCESS_TTL))).jwtID(Secrets.token(16)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The user id of a valid token. */
    public Optional<String> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            List<String> aud = c.getAudience();
            if (!ISSUER.equals(c.getIssuer()) || aud == null || !aud.contains(AUDIENCE) || c.getSubject() == null
                    || c.getExpirationTime() == null || c.getJWTID() == null
                    || c.getExpirationTime().toInstant().plus(SKEW).isBefore(now)
                    || (c.getIssueTime() != null && c.getIssueTime().toInstant().minus(SKEW).isAfter(now))) {
                return Optional.empty();
            }
            return Optional.of(c.getSubject());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
