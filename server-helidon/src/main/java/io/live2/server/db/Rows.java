package io.live2.server.db;

import io.helidon.dbclient.DbRow;

/** Typed, null-aware column reads that behave the same on H2 and PostgreSQL drivers. */
final class Rows {
    private Rows() {
    }

    /** The value, or null for SQL NULL (DbColumn.get() throws for NULL). */
    private static Object value(DbRow r, String column) {
        return r.column(column).asOptional().orElse(null);
    }

    static String text(DbRow r, String column) {
        Object v = value(r, column);
        return v == null ? null : v.toString().trim();
    }

    static Long longOrNull(DbRow r, String column) {
        Object v = value(r, column);
        return v == null ? null : ((Number) v).longValue();
    }

    static long longValue(DbRow r, String column) {
        return ((Number) r.column(column).get()).longValue();
    }

    static int intValue(DbRow r, String column) {
        return ((Number) r.column(column).get()).intValue();
    }

    static double doubleValue(DbRow r, String column) {
        return ((Number) r.column(column).get()).doubleValue();
    }

    static boolean bool(DbRow r, String column) {
        return (Boolean) r.column(column).get();
    }
}
