package io.live2.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

/**
 * The outcome of {@link Simulation#run()}: how it ended and the summary that results/results.json holds
 * (field names are fixed; see docs/getting-started.md).
 */
public final class RunResult {
    private final RunStatus status;
    private final Map<String, Object> summary;
    private final Path runDirectory;

    RunResult(RunStatus status, Map<String, Object> summary, Path runDirectory) {
        this.status = status;
        this.summary = Collections.unmodifiableMap(summary);
        this.runDirectory = runDirectory;
    }

    public RunStatus status() {
        return status;
    }

    /** results.json as an ordered map. */
    public Map<String, Object> summary() {
        return summary;
    }

    /** The run directory, or null when the simulation wrote no files. */
    public Path runDirectory() {
        return runDirectory;
    }

    public long steps() {
        return ((Number) summary.get("steps")).longValue();
    }

    public double number(String field) {
        Object v = summary.get(field);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("results field '" + field + "' is not a number: " + v);
        }
        return n.doubleValue();
    }
}
