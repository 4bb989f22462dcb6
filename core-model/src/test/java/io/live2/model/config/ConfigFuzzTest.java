package io.live2.model.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Map;

/**
 * Jazzer fuzz target for the config parser. In a normal test run it replays its seed corpus (the resources
 * directory ConfigFuzzTestInputs/parse plus an empty input); with JAZZER_FUZZ=1 it fuzzes. Any exception
 * other than ConfigException is a finding. src/test/resources/junit-platform.properties limits Jazzer's
 * instrumentation to io.live2.model (fast, and Jazzer 0.22 cannot instrument JDK 25 classes).
 */
class ConfigFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(FuzzedDataProvider data) {
        String path = data.pickValue(new String[] {"particles", "temperature", "output.snapshot_every", "pulses.kind",
            "preset", "open_chemistry.kinds", "composition", "seed"});
        String overrideText = data.consumeString(40);
        String json = data.consumeRemainingAsString();
        try {
            ConfigLoader.fromJson(json);
        } catch (ConfigException expected) {
            // the only allowed failure
        }
        try {
            ConfigLoader.resolve(null, Map.of("preset", "miller-urey", path, overrideText));
        } catch (ConfigException expected) {
            // the only allowed failure
        }
    }
}
