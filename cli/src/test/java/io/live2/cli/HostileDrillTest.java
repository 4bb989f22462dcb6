package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drill 5's first part in the suite, short: oversized bodies refused, slow-loris clients starve nobody. */
class HostileDrillTest {
    @Test
    void oversizedBodiesAreRefusedAndSlowClientsStarveNobody(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "hostile", "--oversized", "4", "--slow-clients", "50",
                "--slow-seconds", "2", "--probes", "20", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains(", 0 otherwise; slow-loris clients 50,"), o.out());
        assertTrue(o.out().contains("failed 0;"), o.out());
        assertTrue(o.out().contains("verified: every oversized body refused"), o.out());
    }
}
