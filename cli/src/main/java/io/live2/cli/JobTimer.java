package io.live2.cli;

import io.live2.jobs.FileSystemArtifactStore;
import io.live2.jobs.JobRunner;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs one job the way the local orchestrator runs it (JobRunner: the simulation, its analysis, the report and the
 * artifact copies into a file store) and measures its wall time. What {@code live calibrate} measures and checks
 * the estimate against.
 */
final class JobTimer {
    /** The server's default checkpoint cadence: jobs are timed with the uploads they would make. */
    static final long CHECKPOINT_EVERY = 10_000;
    private final Path scratch;
    private int count;

    JobTimer(Path scratch) {
        this.scratch = scratch;
    }

    static SimulationConfig config(String preset, String backend, int atoms, long steps) {
        return ConfigLoader.fromJson("{\"preset\":\"" + preset + "\",\"backend\":\"" + backend + "\",\"particles\":" + atoms
                + ",\"steps\":" + steps + ",\"seed\":" + (1 + atoms % 97) + "}");
    }

    /** @return wall seconds of the job, which must succeed */
    double seconds(SimulationConfig config) {
        String id = "calibrate-" + (++count);
        Path dir = scratch.resolve(id);
        try {
            Files.createDirectories(dir);
            JobSpec spec = new JobSpec(JobSpec.VERSION, id, "calibrate", "dev", config,
                    new JobSpec.Limits(86_400, JobSpec.Capacity.SPOT, 1, 2048), CHECKPOINT_EVERY);
            try (FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"))) {
                JobRunner runner = new JobRunner(spec, store, dir.resolve("work"), null, null, Clock.systemUTC());
                long t0 = System.nanoTime();
                JobStatus status = runner.run();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (status.state() != JobState.SUCCEEDED) {
                    throw new IllegalStateException("calibration job " + id + " (" + config.preset() + ", " + config.particles()
                            + " atoms, " + config.steps() + " steps) ended " + status.state().wireName() + ": " + status.failureCause());
                }
                return seconds;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir); // a calibration leaves nothing behind but its file
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory under the system temp dir: the OS cleans what is left
        }
    }
}
