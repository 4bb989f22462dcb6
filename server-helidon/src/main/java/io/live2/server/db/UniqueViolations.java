package io.live2.server.db;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLState 23505 on both PostgreSQL and H2) anywhere in a cause chain. */
final class UniqueViolations {
    private UniqueViolations() {
    }

    static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
