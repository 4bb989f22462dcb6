package io.live2.jobs;

import io.live2.model.config.SimulationConfig;

/**
 * A job: who runs what, where, and within which limits. JSON (versioned) through {@code JobSpecJson}:
 * {@code {"version": 1, "job_id", "user_id", "environment", "simulation": <the config object that ./live run
 * --config reads>, "limits": {"max_runtime_seconds", "capacity": "spot"|"on_demand", "vcpus", "memory_mib"},
 * "checkpoint_every"}}; unknown or missing fields are rejected with a message naming them.
 *
 * @param version         spec format version (1)
 * @param jobId           [A-Za-z0-9_-]{1,64}: used in storage prefixes and Batch job names
 * @param userId          [A-Za-z0-9_-]{1,64}
 * @param environment     dev | staging | prod (the first segment of the artifact prefix)
 * @param simulation      the resolved simulation config
 * @param checkpointEvery steps between checkpoints uploaded to the store
 */
public record JobSpec(int version, String jobId, String userId, String environment, SimulationConfig simulation,
                      Limits limits, long checkpointEvery) {

    public static final int VERSION = 1;

    /** The artifact prefix of the seeds' layout: {env}/{user_id}/{job_id}/. */
    public String artifactPrefix() {
        return artifactPrefix(environment, userId, jobId);
    }

    /** The prefix of a job known by its parts (the API reads it without parsing and validating the whole spec). */
    public static String artifactPrefix(String environment, String userId, String jobId) {
        return environment + "/" + userId + "/" + jobId + "/";
    }

    /**
     * @param maxRuntimeSeconds the tier's runtime limit: reaching it checkpoints and ends the job as failed with cause
     *                          "runtime limit"
     * @param capacity          spot (hobby), spot falling back to on-demand (research, pro's spot) or on-demand (pro)
     * @param vcpus             vCPUs requested (also the simulation's thread count unless the config says otherwise)
     * @param memoryMib         memory requested
     */
    public record Limits(long maxRuntimeSeconds, Capacity capacity, int vcpus, int memoryMib) {
    }

    public enum Capacity {
        SPOT, SPOT_WITH_FALLBACK, ON_DEMAND;

        public String wireName() {
            return switch (this) {
                case SPOT -> "spot";
                case SPOT_WITH_FALLBACK -> "spot_fallback";
                case ON_DEMAND -> "on_demand";
            };
        }
    }
}
