package io.live2.jobs;

/**
 * Live progress of a running job, as reported by the worker.
 *
 * @param species     molecules in the box (connected components of the bond graph, free atoms included)
 * @param temperature instantaneous kinetic temperature in kelvin (0 when not reported)
 * @param bonds       bonds in the box (0 when not reported)
 */
public record JobProgress(long step, long totalSteps, double percent, double stepsPerSecond, int species, double temperature,
                          int bonds) {
    public static final JobProgress NONE = new JobProgress(0, 0, 0, 0, 0, 0, 0);

    /** Progress without the thermodynamic fields (older status documents, callbacks). */
    public JobProgress(long step, long totalSteps, double percent, double stepsPerSecond, int species) {
        this(step, totalSteps, percent, stepsPerSecond, species, 0, 0);
    }
}
