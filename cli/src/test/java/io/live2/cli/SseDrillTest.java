package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drill 5's SSE part in the suite, short: the per-user limit at its default, and 200 open streams starve nobody. */
class SseDrillTest {
    @Test
    void theStreamLimitHoldsAndOpenStreamsStarveNobody(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "sse", "--connections", "200", "--probes", "10", "--hold-seconds", "3", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("stream 21 answered 429 too_many_streams on /jobs/{id}/events and 429 on /events; B's stream opened"), o.out());
        assertTrue(o.out().contains("C's, beyond the server's cap of 21, answered 503"), o.out());
        assertTrue(o.out().contains("opened 200 in"), o.out());
        assertTrue(o.out().contains("progress reached 200 of 200 streams"), o.out());
        assertTrue(o.out().contains("failed 0; 5xx 0;"), o.out());
    }

    @Test
    void tooManyConnectionsForTheFileLimitAreRefusedNamingIt() {
        CliHarness.assertBadInput(CliHarness.run("drill", "sse", "--connections", "50001"), "--connections", "50000");
    }
}
