package io.live2.server.http;

import io.helidon.dbclient.DbClientException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which database errors answer 503 (retry) rather than 500. Found by `live drill deps`: a query in flight when
 * PostgreSQL is stopped (pg_ctl stop -m fast) fails with SQLState 57P01, which used to answer 500.
 */
class TransientConnectionTest {
    @Test
    void theDatabaseShuttingDownOrStartingIsTransient() {
        for (String state : new String[]{"57P01", "57P02", "57P03", "08006", "08001"}) {
            assertTrue(ApiRoutes.transientConnection(new DbClientException("Failed to execute Statement",
                    new SQLException("terminating connection due to administrator command", state))), state);
        }
    }

    @Test
    void aWrongStatementIsNot() {
        assertFalse(ApiRoutes.transientConnection(new DbClientException("Failed to execute Statement",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(ApiRoutes.transientConnection(new DbClientException("no cause", null)));
    }
}
