package io.live2.engine;

import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.Limits;
import io.live2.model.config.Range;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Checkpoint;
import io.live2.model.io.CheckpointCodec;
import io.live2.model.io.DamagedFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a resume starts: the newest checkpoint that reads back intact, its config and the step total to reach, all
 * checked before anything runs. Two checkpoints are kept so that a damaged newest one (truncated by a full disk, a
 * flipped bit) costs a few steps instead of the run: it is moved aside to {@code <name>.damaged}, so it neither
 * shadows nor, in the retention's count, displaces the good ones, and a notice says so.
 *
 * @param file    the checkpoint resumed from
 * @param notices what the caller should tell the user and log (damaged checkpoints skipped); empty normally
 */
record ResumePoint(RunDirectory dir, Path file, Checkpoint checkpoint, SimulationConfig config, long totalSteps,
                   List<String> notices, Map<String, List<Object>> changes) {

    /**
     * Config fields a resume may change: how the same physics is integrated, never what is simulated. A run that
     * failed because its steps were too coarse continues with a smaller timestep or max_displacement.
     */
    static final List<String> CHANGEABLE = List.of("timestep", "max_displacement");

    static ResumePoint find(Path runDirectory, Long totalSteps) throws IOException {
        return find(runDirectory, totalSteps, Map.of());
    }

    /** @param changes config fields to change from the checkpoint's ({@link #CHANGEABLE} only), or empty */
    static ResumePoint find(Path runDirectory, Long totalSteps, Map<String, Object> changes) throws IOException {
        for (String field : changes.keySet()) {
            if (!CHANGEABLE.contains(field)) {
                throw new ConfigException(field + ": cannot change on resume; allowed: " + String.join(", ", CHANGEABLE));
            }
        }
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
        Map<Path, DamagedFileException> damaged = new LinkedHashMap<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            Checkpoint cp;
            try {
                cp = CheckpointCodec.read(file);
            } catch (DamagedFileException e) {
                damaged.put(file, e);
                continue;
            }
            // bad input stops here, before any file is moved
            ResumePoint point = resumeFrom(dir, file, cp, totalSteps).changed(changes);
            return damaged.isEmpty() ? point : point.withNotices(moveAside(damaged, file, cp.snapshot().step()));
        }
        // nothing is moved: the files stay where the user can inspect them
        List<String> reasons = damaged.values().stream().map(Throwable::getMessage).toList();
        throw new RunDirectoryException("no intact checkpoint to resume from: " + String.join("; ", reasons));
    }

    private static List<String> moveAside(Map<Path, DamagedFileException> damaged, Path resumedFrom, long step) throws IOException {
        List<String> notices = new ArrayList<>();
        for (Map.Entry<Path, DamagedFileException> e : damaged.entrySet()) {
            Path aside = e.getKey().resolveSibling(e.getKey().getFileName() + ".damaged");
            Files.move(e.getKey(), aside, StandardCopyOption.REPLACE_EXISTING);
            notices.add(e.getValue().getMessage() + "; moved aside to " + aside.getFileName());
        }
        notices.add("resuming from the newest intact checkpoint, " + resumedFrom.getFileName() + " at step " + step);
        return notices;
    }

    private ResumePoint withNotices(List<String> notices) {
        return new ResumePoint(dir, file, checkpoint, config, totalSteps, List.copyOf(notices), changes);
    }

    /** The config with the changes applied (validated as any config), and field → [old, new] for metadata.json. */
    private ResumePoint changed(Map<String, Object> wanted) {
        if (wanted.isEmpty()) {
            return this;
        }
        SimulationConfig next = ConfigLoader.resolve(ConfigJson.of(config), wanted);
        Map<String, List<Object>> made = new LinkedHashMap<>();
        if (next.timestep() != config.timestep()) {
            made.put("timestep", List.of(config.timestep(), next.timestep()));
        }
        if (next.maxDisplacement() != config.maxDisplacement()) {
            made.put("max_displacement", List.of(config.maxDisplacement(), next.maxDisplacement()));
        }
        return new ResumePoint(dir, file, checkpoint, next, totalSteps, notices, Map.copyOf(made));
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
        return new ResumePoint(dir, file, cp, config, total, List.of(), Map.of());
    }
}
