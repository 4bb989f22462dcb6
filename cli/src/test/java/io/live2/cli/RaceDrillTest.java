package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short form of drill 4 (first part) in the suite: one round of each race against a real server process. */
class RaceDrillTest {
    @Test
    void oneJobPerLastSlotAndPerIdempotencyKey(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "races", "--rounds", "1", "--slot-racers", "12",
                "--idempotent-racers", "20", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("round 1: 1 of 12 passed at the last slot; 20 identical submissions -> 1 job"), o.out());
        assertTrue(o.out().contains("verified: one pass per last slot, one job per idempotency key, no 5xx"), o.out());
    }

    @Test
    void outOfRangeRoundsAreBadInput() {
        CliHarness.assertBadInput(CliHarness.run("drill", "races", "--rounds", "10"), "--rounds", "1 to 9");
    }
}
