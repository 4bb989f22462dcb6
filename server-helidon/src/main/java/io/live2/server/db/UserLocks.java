package io.live2.server.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Serialises work on one account across threads and server replicas: the body runs while a transaction holds the
 * user's row ({@code SELECT … FOR UPDATE}). Used where a read-modify-write of the account must not interleave with
 * another (Stripe deliveries for one customer arrive together).
 */
public final class UserLocks {
    private final DataSource pool;

    /** Work under the lock, on the lock's connection. */
    @FunctionalInterface
    public interface Locked<T> {
        T run(Connection c) throws SQLException;
    }

    public UserLocks(Database database) {
        this.pool = database.pool();
    }

    /**
     * @param body runs with the locked transaction's connection: writes that touch the account (or rows that
     *             reference it) must go through it, or they would wait for the lock they are under
     * @throws IllegalArgumentException when the user does not exist
     */
    public <T> T withLock(String userId, Locked<T> body) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
                    s.setString(1, userId);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new IllegalArgumentException("user " + userId + " does not exist");
                        }
                    }
                }
                T out = body.run(c);
                c.commit();
                return out;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("user lock: " + e.getMessage(), e);
        }
    }
}
