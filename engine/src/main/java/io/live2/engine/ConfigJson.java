package io.live2.engine;

import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

/** The canonical JSON of a resolved config: what metadata.json and checkpoints carry. */
final class ConfigJson {
    private ConfigJson() {
    }

    static String of(SimulationConfig config) {
        return ConfigLoader.toJson(config);
    }

    static SimulationConfig parse(String json) {
        return ConfigLoader.fromJson(json);
    }
}
