package io.live2.server.billing;

import io.live2.model.config.SimulationConfig;

/**
 * A first, uncalibrated estimate: atoms × steps ÷ a throughput, plus a fixed start-up and analysis overhead;
 * cost = hours × an hourly price for the capacity. The billing issue replaces it with an estimator calibrated by
 * {@code live calibrate}; these figures are placeholders, stated in docs/server.md as such.
 *
 * @param atomStepsPerSecond throughput assumed for every preset and backend
 * @param overheadSeconds    start-up, analysis and upload
 * @param spotUsdPerHour     price of the instance on spot capacity
 * @param onDemandUsdPerHour price on on-demand capacity
 */
public record ThroughputEstimator(double atomStepsPerSecond, double overheadSeconds, double spotUsdPerHour,
                                  double onDemandUsdPerHour) implements Estimator {

    public static ThroughputEstimator defaults() {
        return new ThroughputEstimator(4.0e6, 5.0, 0.0624, 0.1785);
    }

    @Override
    public Estimate estimate(SimulationConfig config, String capacity) {
        double seconds = overheadSeconds + (double) config.particles() * config.steps() / atomStepsPerSecond;
        double price = "on_demand".equals(capacity) ? onDemandUsdPerHour : spotUsdPerHour;
        return new Estimate(seconds, seconds / 3600.0 * price);
    }
}
