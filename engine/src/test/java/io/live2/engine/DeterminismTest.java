package io.live2.engine;

import io.live2.model.io.StepFiles;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same seed ⇒ the same bytes: with 1 and 2 threads, and after stopping and resuming from a checkpoint.
 * The system is reactive and driven by pulses so that events, thermostat noise and pulses are all exercised.
 */
class DeterminismTest {
    private static final long STEPS = 1500;

    private static SimulationConfig config(int threads, long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": %d, "seed": 11, "threads": %d,
                 "pulses": {"interval": 100, "energy": 2000},
                 "output": {"snapshot_every": 500, "checkpoint_every": 500, "trajectory_every": 250}}
                """.formatted(steps, threads));
    }

    private static RunResult run(SimulationConfig cfg, Path dir) throws IOException {
        try (Simulation sim = Simulation.builder().config(cfg).runDirectory(dir).build()) {
            return sim.run();
        }
    }

    private static byte[] finalSnapshot(Path dir) throws IOException {
        return Files.readAllBytes(dir.resolve(String.format("snapshots/snapshot_%09d.json", STEPS)));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalBytes(@TempDir Path tmp) throws IOException {
        RunResult one = run(config(1, STEPS), tmp.resolve("one"));
        RunResult two = run(config(2, STEPS), tmp.resolve("two"));
        assertTrue(one.number("energy_injected") > 0, "pulses must have fired for the test to mean anything");
        assertTrue(one.number("bonds_broken") + one.number("bonds_formed") > 0, "reactions must have happened");
        assertArrayEquals(finalSnapshot(tmp.resolve("one")), finalSnapshot(tmp.resolve("two")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one/trajectory.xyz")), Files.readAllBytes(tmp.resolve("two/trajectory.xyz")));
        assertEquals(one.summary().get("bonds_formed"), two.summary().get("bonds_formed"));
    }

    @Test
    void differentSeedsDiffer(@TempDir Path tmp) throws IOException {
        run(config(1, STEPS), tmp.resolve("a"));
        SimulationConfig other = ConfigLoader.resolve(ConfigLoader.toJson(config(1, STEPS)), java.util.Map.of("seed", 12));
        run(other, tmp.resolve("b"));
        assertFalse(java.util.Arrays.equals(finalSnapshot(tmp.resolve("a")), finalSnapshot(tmp.resolve("b"))));
    }

    @Test
    void resumeFromCheckpointGivesTheUninterruptedBytes(@TempDir Path tmp) throws IOException {
        RunResult whole = run(config(1, STEPS), tmp.resolve("whole"));
        Path part = tmp.resolve("part");
        run(config(1, 700), part);
        RunResult resumed;
        try (Simulation sim = Simulation.resume(part, STEPS, List.of())) {
            assertEquals(700, sim.step());
            resumed = sim.run();
        }
        assertEquals(RunStatus.SUCCEEDED, resumed.status());
        assertArrayEquals(finalSnapshot(tmp.resolve("whole")), finalSnapshot(part));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/trajectory.xyz")), Files.readAllBytes(part.resolve("trajectory.xyz")));
        for (String field : List.of("bonds_formed", "bonds_broken", "energy_injected", "energy_initial", "energy_final",
                "mean_temperature", "elements_final", "energy_bath_heat", "energy_residual", "steps_split",
                "substeps_extra", "substeps_max")) {
            assertEquals(whole.summary().get(field), resumed.summary().get(field), field);
        }
        assertTrue(whole.number("substeps_extra") > 0, "the pulses must have made sub-steps, or their resume is untested");
        // the first run ended at 700 and wrote its final frame there; otherwise the frames are the same
        assertEquals(List.of(0L, 500L, 1000L, STEPS), io.live2.model.io.FrameLog.steps(tmp.resolve("whole/snapshots")));
        assertEquals(List.of(0L, 500L, 700L, 1000L, STEPS), io.live2.model.io.FrameLog.steps(part.resolve("snapshots")));
    }

    /**
     * A run killed after a checkpoint but before the next one has written frames (and trajectory) past the
     * checkpoint it resumes from: the resume cuts them and writes them again, so the frame log ends byte-identical
     * to the uninterrupted run's.
     */
    @Test
    void resumeAfterAHardKillCutsTheFramesWrittenSinceTheCheckpoint(@TempDir Path tmp) throws IOException {
        run(config(1, STEPS), tmp.resolve("whole"));
        Path part = tmp.resolve("part");
        run(config(1, 1200), part); // checkpoints at 500, 1000, 1200; frames 0, 500, 1000, 1200
        Files.delete(part.resolve("checkpoints").resolve(StepFiles.checkpointName(1200)));
        try (Simulation sim = Simulation.resume(part, STEPS, List.of())) {
            assertEquals(1000, sim.step(), "resumes from the checkpoint before the kill");
            sim.run();
        }
        assertArrayEquals(finalSnapshot(tmp.resolve("whole")), finalSnapshot(part));
        assertArrayEquals(frameLog(tmp.resolve("whole")), frameLog(part));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/trajectory.xyz")), Files.readAllBytes(part.resolve("trajectory.xyz")));
        assertEquals(List.of(0L, 500L, 1000L, STEPS), io.live2.model.io.FrameLog.steps(part.resolve("snapshots")));
    }

    /**
     * A worker that stopped after its final checkpoint but before reporting the end (issue 16: a store that would not
     * take its succeeded status) is rerun from that checkpoint: nothing is left to compute, and the final frame must
     * not be written a second time (step N after step N: a damaged frame log).
     */
    @Test
    void resumingAFinishedRunFromItsFinalCheckpointWritesNoSecondFinalFrame(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("done");
        run(config(1, STEPS), dir);
        byte[] snapshot = finalSnapshot(dir);
        byte[] frames = frameLog(dir);
        RunResult again;
        try (Simulation sim = Simulation.resume(dir, STEPS, List.of())) {
            assertEquals(STEPS, sim.step());
            again = sim.run();
        }
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertArrayEquals(snapshot, finalSnapshot(dir));
        assertArrayEquals(frames, frameLog(dir));
        assertEquals(List.of(0L, 500L, 1000L, STEPS), io.live2.model.io.FrameLog.steps(dir.resolve("snapshots")));
    }

    private static byte[] frameLog(Path run) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path segment : io.live2.model.io.FrameLog.segments(run.resolve("snapshots"))) {
            all.write(Files.readAllBytes(segment));
        }
        assertTrue(all.size() > 0, "no frame log in " + run);
        return all.toByteArray();
    }

    @Test
    void aStopRequestCheckpointsAndTheResumeMatches(@TempDir Path tmp) throws IOException {
        run(config(1, STEPS), tmp.resolve("whole"));
        Path part = tmp.resolve("stopped");
        RunResult stopped;
        try (Simulation sim = Simulation.builder().config(config(1, STEPS)).runDirectory(part).progressIntervalMillis(0)
                .observer(new SimulationObserver() {
                    @Override
                    public void onProgress(Progress p) {
                        if (p.step() >= 613) {
                            stopper.requestStop();
                        }
                    }
                }).build()) {
            stopper = sim;
            stopped = sim.run();
        }
        assertEquals(RunStatus.INTERRUPTED, stopped.status());
        assertEquals(613, stopped.steps(), "the stop takes effect at the next step boundary");
        assertTrue(Files.exists(part.resolve("checkpoints/checkpoint_00000000613.bin")));
        try (Simulation sim = Simulation.resume(part, null, List.of())) {
            assertEquals(RunStatus.SUCCEEDED, sim.run().status());
        }
        assertArrayEquals(finalSnapshot(tmp.resolve("whole")), finalSnapshot(part));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/trajectory.xyz")), Files.readAllBytes(part.resolve("trajectory.xyz")));
    }

    private static Simulation stopper;
}
