package io.live2.server.auth;

import io.live2.server.db.ApiKeyRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live API keys by hash, remembered for a few seconds so a busy key costs no database query per request. A key
 * revoked through this server is forgotten at once; one revoked through another replica stops working within
 * {@code ttlMillis}. Unknown keys are not remembered (a guess costs a query, and the map cannot be flooded).
 */
public final class ApiKeyCache {
    private record Entry(ApiKeyRepository.ApiKey key, long until) {
    }

    private static final int MAX = 100_000;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();

    public ApiKeyCache(ApiKeyRepository keys, Clock clock, long ttlMillis) {
        this.keys = keys;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
    }

    public Optional<ApiKeyRepository.ApiKey> activeByHash(String hash) {
        long now = clock.millis();
        Entry e = byHash.get(hash);
        if (e != null && e.until() > now) {
            return Optional.of(e.key());
        }
        Optional<ApiKeyRepository.ApiKey> k = keys.activeByHash(hash);
        if (k.isPresent()) {
            if (byHash.size() >= MAX) {
                byHash.clear();
            }
            byHash.put(hash, new Entry(k.get(), now + ttlMillis));
            keys.touch(k.get().id(), now); // last_used_at, at most once per cache period
        } else {
            byHash.remove(hash);
        }
        return k;
    }

    /** Forgets every cached key of the user (after a revocation here). */
    public void forgetUser(String userId) {
        byHash.values().removeIf(e -> e.key().userId().equals(userId));
    }
}
