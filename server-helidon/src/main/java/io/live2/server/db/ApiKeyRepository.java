package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Optional;

/** API keys: only the SHA-256 of a key is stored, beside its visible prefix; every read is scoped by user. */
public final class ApiKeyRepository {
    private final DbClient db;

    public ApiKeyRepository(Database database) {
        this.db = database.client();
    }

    public record ApiKey(String id, String userId, String name, String prefix, String scopes, long createdAt,
                         Long lastUsedAt, Long revokedAt) {
    }

    public void insert(ApiKey k, String keyHash) {
        db.execute().insert("INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                k.id(), k.userId(), k.name(), k.prefix(), keyHash, k.scopes(), k.createdAt());
    }

    /** The live (not revoked) key with this hash. */
    public Optional<ApiKey> activeByHash(String keyHash) {
        return db.execute().get("SELECT id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_keys "
                + "WHERE key_hash = ? AND revoked_at IS NULL", keyHash).map(ApiKeyRepository::key);
    }

    public List<ApiKey> listForUser(String userId) {
        return db.execute().query("SELECT id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_keys "
                + "WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC", userId).map(ApiKeyRepository::key).toList();
    }

    /** @return false when the user has no such live key */
    public boolean revoke(String userId, String id, long now) {
        return db.execute().update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                now, id, userId) == 1;
    }

    /** Records use at most once a minute per key, so a busy key does not turn every read into a write (the
     * authenticator's cache also calls it only when it looks a key up). */
    public void touch(String id, long now) {
        db.execute().update("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                now, id, now - 60_000);
    }

    private static ApiKey key(DbRow r) {
        return new ApiKey(Rows.text(r, "id"), Rows.text(r, "user_id"), Rows.text(r, "name"), Rows.text(r, "prefix"),
                Rows.text(r, "scopes"), Rows.longValue(r, "created_at"), Rows.longOrNull(r, "last_used_at"), Rows.longOrNull(r, "revoked_at"));
    }
}
