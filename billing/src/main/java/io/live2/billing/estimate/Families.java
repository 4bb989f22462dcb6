package io.live2.billing.estimate;

import io.live2.model.config.SimulationConfig;

/**
 * A job's preset family: its preset's name (each preset is calibrated on its own: open chemistry costs more per
 * step than plain Miller–Urey). A config built from scratch falls back to a calibrated preset of its kind: reactive
 * chemistry to miller-urey, plain Lennard-Jones to lj-fluid.
 */
final class Families {
    static final String REACTIVE_FALLBACK = "miller-urey";
    static final String LJ_FALLBACK = "lj-fluid";

    private Families() {
    }

    static String of(SimulationConfig config) {
        if (config.preset() != null) {
            return config.preset();
        }
        return kindFallback(config);
    }

    static String kindFallback(SimulationConfig config) {
        return config.reactions() != null && config.reactions().enabled() ? REACTIVE_FALLBACK : LJ_FALLBACK;
    }
}
