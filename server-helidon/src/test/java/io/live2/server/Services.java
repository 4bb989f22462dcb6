package io.live2.server;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The real PostgreSQL (127.0.0.1:5432, database test, trust auth) and Redis (127.0.0.1:6379) this kind of machine
 * runs. Under CI (CI=true) a missing service fails the test, never skips it; elsewhere it is skipped with a note.
 */
public final class Services {
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String REDIS_URL = "redis://127.0.0.1:6379";

    private Services() {
    }

    public static void requirePostgres() {
        require(reachable(5432), "PostgreSQL on 127.0.0.1:5432 (.ci/run starts it)");
    }

    public static void requireRedis() {
        require(reachable(6379), "Redis on 127.0.0.1:6379 (.ci/run starts it)");
    }

    private static void require(boolean up, String what) {
        if (!up && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + what + " is not reachable: the integration tests must run");
        }
        Assumptions.assumeTrue(up, what + " is not reachable; skipped outside CI");
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
