package io.live2.server.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.Optional;

/** Accounts. Emails are stored lower-cased, so uniqueness ignores case. */
public final class UserRepository {
    private final DbClient db;

    public UserRepository(Database database) {
        this.db = database.client();
    }

    public record User(String id, String email, String passwordHash, String role, long createdAt) {
    }

    /** @return false when the email is already registered */
    public boolean create(User u) {
        try {
            db.execute().insert("INSERT INTO users (id, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
                    u.id(), u.email(), u.passwordHash(), u.role(), u.createdAt());
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolations.is(e)) {
                return false;
            }
            throw e;
        }
    }

    public Optional<User> byEmail(String email) {
        return db.execute().get("SELECT id, email, password_hash, role, created_at FROM users WHERE email = ?", email)
                .map(UserRepository::user);
    }

    public Optional<User> byId(String id) {
        return db.execute().get("SELECT id, email, password_hash, role, created_at FROM users WHERE id = ?", id)
                .map(UserRepository::user);
    }

    public long count() {
        return db.execute().get("SELECT COUNT(*) AS n FROM users").map(r -> Rows.longValue(r, "n")).orElse(0L);
    }

    private static User user(DbRow r) {
        return new User(Rows.text(r, "id"), Rows.text(r, "email"), Rows.text(r, "password_hash"), Rows.text(r, "role"),
                Rows.longValue(r, "created_at"));
    }
}
