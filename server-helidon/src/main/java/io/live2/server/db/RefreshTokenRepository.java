package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.Optional;

/**
 * Rotating refresh tokens, stored as SHA-256. A token is used once: {@link #use} marks it atomically, so two
 * concurrent refreshes with the same token cannot both succeed; presenting a used token again revokes its whole
 * family (the theft signal of OAuth 2.0 Security BCP §4.14).
 */
public final class RefreshTokenRepository {
    private final DbClient db;

    public RefreshTokenRepository(Database database) {
        this.db = database.client();
    }

    public record RefreshToken(String id, String userId, String familyId, long expiresAt, Long usedAt, Long revokedAt) {
    }

    public void insert(String id, String userId, String familyId, String tokenHash, long createdAt, long expiresAt) {
        db.execute().insert("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, userId, familyId, tokenHash, createdAt, expiresAt);
    }

    public Optional<RefreshToken> byHash(String tokenHash) {
        return db.execute().get("SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?",
                tokenHash).map(RefreshTokenRepository::token);
    }

    /** @return true when this call consumed the token (it was unused and not revoked) */
    public boolean use(String id, long now) {
        return db.execute().update("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                now, id) == 1;
    }

    public void revokeFamily(String familyId, long now) {
        db.execute().update("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL", now, familyId);
    }

    private static RefreshToken token(DbRow r) {
        return new RefreshToken(Rows.text(r, "id"), Rows.text(r, "user_id"), Rows.text(r, "family_id"), Rows.longValue(r, "expires_at"),
                Rows.longOrNull(r, "used_at"), Rows.longOrNull(r, "revoked_at"));
    }
}
