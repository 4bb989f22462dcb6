package io.live2.jobs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The job state machine: queued → running → succeeded | failed | canceled, plus interrupted (spot reclaim or
 * SIGTERM: checkpointed, to be retried from the checkpoint without spending the user's retry budget).
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED, INTERRUPTED;

    /** The states this one may move to. */
    public Set<JobState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELED, FAILED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELED, INTERRUPTED);
            case INTERRUPTED -> EnumSet.of(QUEUED, RUNNING, CANCELED, FAILED);
            case SUCCEEDED, FAILED, CANCELED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean terminal() {
        return next().isEmpty();
    }

    public boolean canMoveTo(JobState target) {
        return next().contains(target);
    }

    /** The state of a wire name ("queued", "running", ...). @throws IllegalArgumentException for another name */
    public static JobState ofWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
