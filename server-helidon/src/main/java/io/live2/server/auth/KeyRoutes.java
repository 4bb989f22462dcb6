package io.live2.server.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.live2.server.db.ApiKeyRepository;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Bodies;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.http.Responses;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * API keys: {@code lk_<8-char prefix>_<43-char secret>}. The full key is shown once, at creation; the database keeps
 * its SHA-256 and the prefix (so a user can tell keys apart). A key may create keys only with scopes it has.
 */
public final class KeyRoutes {
    private final ApiKeyRepository keys;
    private final ApiKeyCache cache;
    private final Clock clock;
    private final int maxBodyBytes;

    public KeyRoutes(ApiKeyRepository keys, ApiKeyCache cache, Clock clock, int maxBodyBytes) {
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A new key for the user; returns the full key (shown once) and its record. */
    public record Issued(String key, ApiKeyRepository.ApiKey record) {
    }

    public Issued issue(String userId, String name, List<String> scopes) {
        String prefix = Secrets.token(6).replace('-', 'x').replace('_', 'y');
        String key = "lk_" + prefix + "_" + Secrets.token(32);
        ApiKeyRepository.ApiKey rec = new ApiKeyRepository.ApiKey(Secrets.id("k"), userId, name, "lk_" + prefix,
                String.join(",", scopes), clock.millis(), null, null);
        keys.insert(rec, Secrets.sha256Hex(key));
        return new Issued(key, rec);
    }

    public void register(ApiRoutes api) {
        api.user(Method.POST, "/keys", null, (req, res, caller) -> {
            JsonBody b = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String name = b.text("name", 1, 100);
            List<String> scopes = b.optionalStrings("scopes", Scope.WIRE_NAMES);
            b.done();
            if (scopes == null || scopes.isEmpty()) {
                scopes = List.of(Scope.JOBS_READ.wire(), Scope.JOBS_WRITE.wire());
            }
            for (String s : scopes) {
                if (!caller.may(Scope.of(s))) {
                    throw ApiException.forbidden("scopes: this key cannot grant '" + s + "', which it does not have");
                }
            }
            Issued i = issue(caller.userId(), name, new ArrayList<>(scopes));
            ObjectNode out = view(i.record());
            out.put("key", i.key());
            Responses.json(res, 201, out);
        });
        api.user(Method.GET, "/keys", null, (req, res, caller) -> {
            ObjectNode out = Json.object();
            ArrayNode arr = out.putArray("keys");
            keys.listForUser(caller.userId()).forEach(k -> arr.add(view(k)));
            Responses.json(res, out);
        });
        api.user(Method.DELETE, "/keys/{id}", null, (req, res, caller) -> {
            String id = req.path().pathParameters().get("id");
            if (!keys.revoke(caller.userId(), id, clock.millis())) {
                throw ApiException.notFound("key " + JsonBody.oneLine(id));
            }
            cache.forgetUser(caller.userId());
            Responses.noContent(res);
        });
    }

    static ObjectNode view(ApiKeyRepository.ApiKey k) {
        ObjectNode o = Json.object();
        o.put("id", k.id()).put("name", k.name()).put("prefix", k.prefix());
        ArrayNode s = o.putArray("scopes");
        for (String x : k.scopes().split(",")) {
            s.add(x);
        }
        o.put("created_at", Instant.ofEpochMilli(k.createdAt()).toString());
        o.put("last_used_at", k.lastUsedAt() == null ? null : Instant.ofEpochMilli(k.lastUsedAt()).toString());
        return o;
    }
}
