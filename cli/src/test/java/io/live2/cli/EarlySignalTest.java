package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;
import io.live2.engine.Simulation;
import io.live2.model.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM or Ctrl-C in the first seconds, before the step loop (issue 11: it exited 143 with no checkpoint, no
 * message, and a directory `live resume` could not continue). The shutdown hook's logic ({@link Interrupts.Guard})
 * is driven directly, at the exact moments that matter, instead of racing a real signal against set-up.
 */
class EarlySignalTest {
    @Test
    void aSignalDuringSetUpSaysNothingWasSavedAndTheDirectoryCanBeReused(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interrupts.Guard guard = new Interrupts.Guard("nothing was saved; start the same 'live run' again",
                new PrintStream(err, true, StandardCharsets.UTF_8));
        guard.onSignal(); // no simulation yet: it tells the user and returns at once (the JVM then exits)
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nothing was saved"), err.toString(StandardCharsets.UTF_8));

        // what such a signal can leave behind: the run directory's empty skeleton
        Path out = tmp.resolve("run");
        for (String sub : new String[] {"checkpoints", "snapshots", "results", "logs"}) {
            assertTrue(out.resolve(sub).toFile().mkdirs());
        }
        CliHarness.Outcome again = CliHarness.run("run", "--preset", "miller-urey", "--particles", "100", "--steps", "50",
                "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void aSignalAsSetUpEndsStopsAtTheFirstCheckpointAndResumes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Interrupts.Guard guard = new Interrupts.Guard("unused", System.err);
        guard.onSignal(); // arrives while the system is being built
        RunResult r;
        try (Simulation sim = Simulation.builder().config(ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey\", \"particles\": 100, \"steps\": 200}")).runDirectory(out).build()) {
            guard.started(sim);
            r = sim.run();
        }
        assertEquals(RunStatus.INTERRUPTED, r.status());
        assertEquals(0, r.steps(), "it stops before the first step");
        try (var files = Files.list(out.resolve("checkpoints"))) {
            assertEquals(1, files.count(), "the starting state's checkpoint");
        }
        CliHarness.Outcome resumed = CliHarness.run("resume", out.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(Files.readString(out.resolve("metadata.json")).contains("\"succeeded\""));
    }
}
