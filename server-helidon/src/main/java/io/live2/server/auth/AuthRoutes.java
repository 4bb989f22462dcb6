package io.live2.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.live2.server.db.RefreshTokenRepository;
import io.live2.server.db.UserRepository;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Bodies;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.http.Responses;
import io.live2.server.limits.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Registration, login, token refresh and logout. Passwords are Argon2id hashes; a login for an unknown email still
 * computes one hash, so timing does not reveal which emails exist; logins are limited per email and per address.
 */
public final class AuthRoutes {
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    private static final String DUMMY_HASH_INPUT = "live2-no-such-user";
    private final UserRepository users;
    private final RefreshTokenRepository refresh;
    private final PasswordHasher hasher;
    private final Tokens tokens;
    private final Clock clock;
    private final int maxBodyBytes;
    private final RateLimiter.Limit loginLimit;
    private final String dummyHash;

    public AuthRoutes(UserRepository users, RefreshTokenRepository refresh, PasswordHasher hasher, Tokens tokens, Clock clock,
                      int maxBodyBytes, int loginPerMinute) {
        this.users = users;
        this.refresh = refresh;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.loginLimit = RateLimiter.Limit.perMinute(loginPerMinute);
        this.dummyHash = hasher.hash(DUMMY_HASH_INPUT);
    }

    public void register(ApiRoutes api) {
        api.open(Method.POST, "/auth/register", (req, res) -> {
            JsonBody b = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String email = email(b.text("email", 3, 254));
            String password = b.text("password", 10, 200);
            b.done();
            UserRepository.User u = new UserRepository.User(Secrets.id("u"), email, hasher.hash(password), "user", clock.millis());
            if (!users.create(u)) {
                throw ApiException.conflict("email_taken", "email: this address is already registered; sign in instead");
            }
            ObjectNode out = Json.object();
            out.putObject("user").put("id", u.id()).put("email", u.email()).put("created_at", Instant.ofEpochMilli(u.createdAt()).toString());
            Responses.json(res, 201, out);
        });
        api.open(Method.POST, "/auth/login", (req, res) -> {
            JsonBody b = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String email = b.text("email", 3, 254).trim().toLowerCase(Locale.ROOT);
            String password = b.text("password", 1, 200);
            b.done();
            api.limit("login:" + Secrets.sha256Hex(email), loginLimit);
            Optional<UserRepository.User> u = users.byEmail(email);
            boolean ok = hasher.verify(password, u.map(UserRepository.User::passwordHash).orElse(dummyHash)) && u.isPresent();
            if (!ok) {
                throw ApiException.unauthorized("wrong email or password");
            }
            Responses.json(res, session(u.get().id(), u.get().email(), Secrets.id("f")));
        });
        api.open(Method.POST, "/auth/refresh", (req, res) -> {
            JsonBody b = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String token = b.text("refresh_token", 10, 200);
            b.done();
            RefreshTokenRepository.RefreshToken t = refresh.byHash(Secrets.sha256Hex(token))
                    .orElseThrow(() -> ApiException.unauthorized("invalid refresh token"));
            long now = clock.millis();
            if (t.revokedAt() != null || t.expiresAt() < now) {
                throw ApiException.unauthorized("invalid refresh token");
            }
            if (!refresh.use(t.id(), now)) {
                // a used token presented again: someone else may hold it; end the whole session family
                refresh.revokeFamily(t.familyId(), now);
                throw ApiException.unauthorized("invalid refresh token");
            }
            UserRepository.User u = users.byId(t.userId()).orElseThrow(() -> ApiException.unauthorized("invalid refresh token"));
            Responses.json(res, session(u.id(), u.email(), t.familyId()));
        });
        api.open(Method.POST, "/auth/logout", (req, res) -> {
            JsonBody b = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String token = b.text("refresh_token", 10, 200);
            b.done();
            refresh.byHash(Secrets.sha256Hex(token)).ifPresent(t -> refresh.revokeFamily(t.familyId(), clock.millis()));
            Responses.noContent(res);
        });
    }

    private ObjectNode session(String userId, String email, String familyId) {
        String refreshToken = Secrets.token(32);
        long now = clock.millis();
        refresh.insert(Secrets.id("r"), userId, familyId, Secrets.sha256Hex(refreshToken), now, now + REFRESH_TTL.toMillis());
        ObjectNode out = Json.object();
        out.put("access_token", tokens.issue(userId)).put("token_type", "Bearer").put("expires_in", Tokens.ACCESS_TTL.toSeconds())
                .put("refresh_token", refreshToken);
        out.putObject("user").put("id", userId).put("email", email);
        return out;
    }

    static String email(String raw) {
        String e = raw.trim().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("email", "email: not an email address");
        }
        return e;
    }
}
