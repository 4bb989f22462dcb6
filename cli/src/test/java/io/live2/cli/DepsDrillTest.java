package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short form of drill 3 in the suite: PostgreSQL stopped 3 s, Redis killed 3 s, one full-disk job, against a
 * real server process with a PostgreSQL, a redis-server and a tmpfs of its own. It needs the PostgreSQL 15 binaries,
 * redis-server and root (the tmpfs): under CI=true their absence fails the test; elsewhere it is skipped.
 */
class DepsDrillTest {
    @Test
    void postgresDownRedisDownAndAFullDisk(@TempDir Path tmp) {
        CliHarness.requireOnThisMachine(PrivatePostgres.available() && "root".equals(System.getProperty("user.name"))
                && java.nio.file.Files.isExecutable(Path.of("/usr/bin/redis-server")),
                "the PostgreSQL binaries in " + PrivatePostgres.BIN + ", /usr/bin/redis-server and root (drill 3)");
        CliHarness.Outcome o = CliHarness.run("drill", "deps", "--pg-down-seconds", "3", "--redis-down-seconds", "3",
                "--clients", "2", "--job-steps", "1000", "--artifacts-mib", "32", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().matches("(?s).*postgresql: down [0-9.]+ s; ready non-200 after [0-9.]+ s; back to ready 200 [0-9.]+ s.*"), o.out());
        assertTrue(o.out().contains("0 lost, 0 half-written"), o.out());
        assertTrue(o.out().contains("other 5xx: 0; full-disk job: failed ("), o.out());
        assertTrue(o.out().contains("verified: 503 with Retry-After while PostgreSQL was down"), o.out());
    }

    @Test
    void outOfRangeDownTimeIsBadInput() {
        CliHarness.assertBadInput(CliHarness.run("drill", "deps", "--pg-down-seconds", "0"), "--pg-down-seconds", "1 to 600");
    }
}
