package io.live2.jobs;

/** Live progress of a running job, as reported by the worker. */
public record JobProgress(long step, long totalSteps, double percent, double stepsPerSecond, int species) {
    public static final JobProgress NONE = new JobProgress(0, 0, 0, 0, 0);
}
