package io.live2.server.billing;

import io.live2.model.config.SimulationConfig;

/**
 * How long a job will take and what it will cost, before it runs. The billing module replaces the default with a
 * calibrated estimator; the server only calls this port.
 */
public interface Estimator {
    Estimate estimate(SimulationConfig config, String capacity);

    /** @param durationSeconds wall time including start-up and analysis; @param costUsd compute cost */
    record Estimate(double durationSeconds, double costUsd) {
    }
}
