package io.live2.engine;

import io.live2.model.config.ConfigException;
import io.live2.model.config.Limits;
import io.live2.model.config.Range;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Checkpoint;
import io.live2.model.io.CheckpointCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a resume starts: the newest checkpoint, its config and the step total to reach, all checked before anything
 * runs, so that bad input is reported as such (exit code 2 in the CLI) and not as a failure half-way.
 *
 * @param file the checkpoint resumed from
 */
record ResumePoint(RunDirectory dir, Path file, Checkpoint checkpoint, SimulationConfig config, long totalSteps) {

    static ResumePoint find(Path runDirectory, Long totalSteps) throws IOException {
        Range allowed = Limits.of("steps");
        if (totalSteps != null && !allowed.contains(totalSteps)) {
            // the same bound and message as a run's steps
            throw new ConfigException("steps: " + totalSteps + " is out of range; allowed " + allowed.describe("steps"));
        }
        RunDirectory dir = RunDirectory.open(runDirectory);
        MetadataWriter.read(dir); // a damaged metadata.json stops the resume here, not after the first steps
        List<Path> all = dir.checkpoints();
        if (all.isEmpty()) {
            throw new RunDirectoryException(dir.root().resolve("checkpoints") + ": no checkpoint file (checkpoint_<step>.bin) "
                    + "to resume from; the run stopped before writing one, so start it again with a new run");
        }
        Path newest = all.get(all.size() - 1);
        return resumeFrom(dir, newest, CheckpointCodec.read(newest), totalSteps);
    }

    private static ResumePoint resumeFrom(RunDirectory dir, Path file, Checkpoint cp, Long totalSteps) {
        long reached = cp.snapshot().step();
        SimulationConfig config;
        try {
            config = ConfigJson.parse(cp.configJson());
        } catch (ConfigException e) {
            throw new ConfigException(file + ": the config it holds is not valid here: " + e.getMessage(), e);
        }
        long total = totalSteps != null ? totalSteps : config.steps();
        if (total < reached) {
            String given = totalSteps != null ? Long.toString(total) : "the run's configured " + total;
            String allowed = Range.ints(reached, (long) Limits.of("steps").max()).describe("steps");
            throw new ConfigException("steps: " + given + " is below the step the run has already reached (" + reached
                    + ", " + file.getFileName() + "); allowed " + allowed);
        }
        return new ResumePoint(dir, file, cp, config, total);
    }
}
