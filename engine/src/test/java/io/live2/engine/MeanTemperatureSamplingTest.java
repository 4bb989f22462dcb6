package io.live2.engine;

import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * mean_temperature averages the kinetic temperature at the steps that are multiples of
 * {@link Simulation#TEMPERATURE_SAMPLE_INTERVAL} (so a device backend is not read back every step): checked against
 * the temperatures an observer sees at every step, and against the final temperature when no step is a multiple.
 */
class MeanTemperatureSamplingTest {

    private static SimulationConfig config(long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 120, "steps": %d, "seed": 5,
                 "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0}}
                """.formatted(steps));
    }

    @Test
    void meanIsOverTheMultiplesOfTheInterval() throws IOException {
        int interval = Simulation.TEMPERATURE_SAMPLE_INTERVAL;
        long steps = 3L * interval + interval / 2;
        List<Double> sampled = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        RunResult r;
        try (Simulation sim = Simulation.builder().config(config(steps)).progressIntervalMillis(0)
                .observer(new SimulationObserver() {
                    @Override
                    public void onProgress(Progress p) {
                        if (all.size() < p.step()) { // the final progress repeats the last step
                            all.add(p.temperature());
                            if (p.step() % interval == 0) {
                                sampled.add(p.temperature());
                            }
                        }
                    }
                }).build()) {
            r = sim.run();
            assertEquals(3, sim.ledger().temperatureSamples);
        }
        assertEquals(steps, all.size());
        double expected = 0;
        for (double t : sampled) {
            expected += t;
        }
        expected /= sampled.size();
        assertEquals(expected, r.number("mean_temperature"), 1e-9 * expected);
        double everyStep = all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // the sampled mean is a different estimator from the every-step mean: same temperature, not the same bytes
        assertEquals(everyStep, r.number("mean_temperature"), 0.1 * everyStep);
    }

    @Test
    void aRunShorterThanTheIntervalReportsItsFinalTemperature() throws IOException {
        try (Simulation sim = Simulation.builder().config(config(Simulation.TEMPERATURE_SAMPLE_INTERVAL - 1)).build()) {
            RunResult r = sim.run();
            assertEquals(0, sim.ledger().temperatureSamples);
            assertEquals(r.number("temperature_final"), r.number("mean_temperature"), 0.0);
        }
    }
}
