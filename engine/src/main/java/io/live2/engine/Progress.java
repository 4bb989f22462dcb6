package io.live2.engine;

/**
 * A progress report, sent to observers every few hundred milliseconds of wall time and at the end.
 *
 * @param stepsPerSecond average over this invocation
 * @param etaSeconds     remaining wall time at that rate
 * @param molecules      connected components of the bond graph (free atoms count as molecules)
 */
public record Progress(long step, long totalSteps, double elapsedSeconds, double stepsPerSecond, double etaSeconds,
                       int bonds, int molecules, double temperature, double totalEnergy) {
    public double fraction() {
        return totalSteps == 0 ? 1.0 : (double) step / totalSteps;
    }
}
