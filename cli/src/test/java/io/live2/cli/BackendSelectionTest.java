package io.live2.cli;

import io.live2.compute.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Choosing a backend that cannot run here fails on selection with exit 2 and the provider's own explanation (what to
 * install); `auto` skips it even though its priority is the highest; `live backends` lists it with the reason.
 */
class BackendSelectionTest {
    @Test
    void anUnusableBackendFailsWithExitTwoAndSaysWhatToInstall(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "10",
                "--backend", "unusable-test", "--out", tmp.resolve("r").toString());
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains(UnusableBackendProvider.REASON), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void autoSkipsUnusableBackendsAndTheListSaysWhy(@TempDir Path tmp) {
        CliHarness.Outcome list = CliHarness.run("backends");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("unusable-test"), list.out());
        assertTrue(list.out().contains(UnusableBackendProvider.REASON), list.out());
        assertFalse(list.out().contains("auto: unusable-test"), list.out());
        CliHarness.Outcome run = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "10",
                "--backend", "auto", "--out", tmp.resolve("auto").toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void benchRunsOnWhatAutoPicksUnlessToldAndRefusesAnUnusableBackend() {
        String auto = Backends.select("auto").name();
        CliHarness.Outcome dflt = CliHarness.run("bench", "lj", "--particles", "400", "--steps", "20");
        assertEquals(0, dflt.exitCode(), dflt.err());
        assertTrue(dflt.out().startsWith("backend: " + auto + " threads: 1"), dflt.out());
        assertTrue(dflt.out().strip().lines().reduce((a, b) -> b).orElseThrow().matches("atom-steps/s: \\d+"), dflt.out());
        CliHarness.Outcome ref = CliHarness.run("bench", "lj", "--particles", "400", "--steps", "20", "--backend", "reference");
        assertTrue(ref.out().startsWith("backend: reference threads: 1"), ref.out());
        CliHarness.Outcome bad = CliHarness.run("bench", "lj", "--particles", "400", "--steps", "20",
                "--backend", "unusable-test");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains(UnusableBackendProvider.REASON), bad.err());
    }
}
