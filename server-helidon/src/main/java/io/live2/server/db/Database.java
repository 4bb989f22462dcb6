package io.live2.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.live2.server.settings.ServerSettings;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The database: a HikariCP pool, the Flyway migrations under db/migration (the same files for H2 and PostgreSQL),
 * and a Helidon {@link DbClient} over the pool that every repository uses. {@code schema} (PostgreSQL only) lets
 * tests run in a schema of their own.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final DbClient client;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        JdbcConnectionPool connections = () -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("database: no connection: " + e.getMessage(), e);
            }
        };
        this.client = JdbcClientBuilder.create().connectionPool(connections).build();
    }

    public static Database open(ServerSettings s, String schema) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(s.databaseUrl());
        if (s.databaseUser() != null) {
            c.setUsername(s.databaseUser());
        }
        if (s.databasePassword() != null) {
            c.setPassword(s.databasePassword().text());
        }
        c.setMaximumPoolSize(s.databasePoolSize());
        c.setPoolName("live-db");
        // fail fast when the database is down: requests answer 503 rather than queue for 30 s
        c.setConnectionTimeout(Duration.ofSeconds(3).toMillis());
        c.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        c.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        if (schema != null) {
            c.setSchema(schema);
        }
        HikariDataSource ds = new HikariDataSource(c);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .schemas(schema == null ? new String[0] : new String[]{schema})
                    .createSchemas(schema != null).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public DbClient client() {
        return client;
    }

    /** The pool, for its metrics. */
    public HikariDataSource pool() {
        return pool;
    }

    /** Readiness: a connection answers a trivial query within two seconds. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        pool.close();
    }
}
