package io.live2.server.auth;

import io.helidon.http.HeaderNames;
import io.live2.server.db.ApiKeyRepository;
import io.live2.server.http.ApiException;
import io.helidon.webserver.http.ServerRequest;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request: {@code X-API-Key} (looked up by its SHA-256; revoked keys fail) or
 * {@code Authorization: Bearer <access token>}. Every failure is the same 401 sentence per kind, so a caller
 * learns nothing about which keys or users exist.
 */
public final class Authenticator {
    public static final io.helidon.http.HeaderName API_KEY = HeaderNames.create("X-API-Key");
    private final ApiKeyCache keys;
    private final Tokens tokens;

    public Authenticator(ApiKeyCache keys, Tokens tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    public Caller authenticate(ServerRequest req) {
        Optional<String> key = req.headers().first(API_KEY);
        if (key.isPresent()) {
            String k = key.get().trim();
            if (k.isEmpty() || k.length() > 200) {
                throw ApiException.unauthorized("invalid API key");
            }
            ApiKeyRepository.ApiKey found = keys.activeByHash(Secrets.sha256Hex(k))
                    .orElseThrow(() -> ApiException.unauthorized("invalid API key"));
            return new Caller(found.userId(), scopes(found.scopes()), found.id());
        }
        Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION);
        if (auth.isPresent()) {
            String a = auth.get().trim();
            if (!a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("unsupported authorization scheme; send 'Authorization: Bearer <access token>' or X-API-Key");
            }
            return tokens.verify(a.substring(7).trim()).map(Caller::session)
                    .orElseThrow(() -> ApiException.unauthorized("invalid or expired access token"));
        }
        throw ApiException.unauthorized("missing credentials; send 'Authorization: Bearer <access token>' or 'X-API-Key: <key>'");
    }

    static Set<Scope> scopes(String stored) {
        Set<Scope> s = EnumSet.noneOf(Scope.class);
        for (String w : stored.split(",")) {
            if (!w.isBlank()) {
                s.add(Scope.of(w.trim()));
            }
        }
        return s;
    }
}
