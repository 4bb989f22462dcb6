package io.live2.model.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional {@code driver} object (the nanoreactor piston): absent means none; bad values name field and range. */
class DriverConfigTest {
    private static final String PISTON = """
            {"preset": "miller-urey", "driver": {"type": "piston", "period_ps": 10, "min_fraction": 0.5,
             "temperature_k": 2500}}""";

    @Test
    void absentMeansNoDriverAndTheCanonicalJsonHasNoDriverField() {
        SimulationConfig c = ConfigLoader.fromPreset("miller-urey");
        assertNull(c.driver());
        assertFalse(ConfigLoader.toJson(c).contains("driver"), "configs without a driver keep their old bytes");
        assertNull(ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"driver\": null}").driver());
    }

    @Test
    void aPistonReadsAndRoundTrips() {
        SimulationConfig c = ConfigLoader.fromJson(PISTON);
        assertEquals(new SimulationConfig.Driver("piston", 10.0, 0.5, 2500.0), c.driver());
        String json = ConfigLoader.toJson(c);
        assertTrue(json.contains("\"period_ps\": 10.0"), json);
        assertEquals(c, ConfigLoader.fromJson(json));
    }

    @Test
    void theNanoreactorPresetsCarryAPistonAndOverridesMergeIntoIt() {
        SimulationConfig mu = ConfigLoader.fromPreset("miller-urey-nanoreactor");
        assertEquals("piston", mu.driver().type());
        assertEquals(mu.temperature(), mu.driver().temperatureK(), "starts at the driver's temperature");
        assertEquals(ConfigLoader.fromPreset("miller-urey").composition(), mu.composition());
        SimulationConfig fo = ConfigLoader.fromPreset("formamide-nanoreactor");
        assertEquals(ConfigLoader.fromPreset("formamide").composition(), fo.composition());
        SimulationConfig c = ConfigLoader.resolve("{\"preset\": \"formamide-nanoreactor\", \"driver\": {\"period_ps\": 4}}",
                Map.of("driver.min_fraction", 0.7));
        assertEquals(new SimulationConfig.Driver("piston", 4.0, 0.7, 2000.0), c.driver());
        assertNull(ConfigLoader.resolve("{\"preset\": \"formamide-nanoreactor\", \"driver\": null}", Map.of()).driver());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "period_ps| 0| driver.period_ps: 0 is out of range; allowed 0.01 <= period_ps <= 1000000",
            "period_ps| 2000000| driver.period_ps: 2000000 is out of range; allowed 0.01 <= period_ps <= 1000000",
            "min_fraction| 0.05| driver.min_fraction: 0.05 is out of range; allowed 0.1 <= min_fraction <= 1",
            "min_fraction| 1.5| driver.min_fraction: 1.5 is out of range; allowed 0.1 <= min_fraction <= 1",
            "temperature_k| 0| driver.temperature_k: 0 is out of range; allowed 0 < temperature_k <= 100000",
            "temperature_k| -5| driver.temperature_k: -5 is out of range; allowed 0 < temperature_k <= 100000",
            "temperature_k| 1e6| driver.temperature_k: 1E+6 is out of range; allowed 0 < temperature_k <= 100000",
            "type| \"anvil\"| driver.type: 'anvil' is not allowed; allowed piston",
            "period_ps| \"10\"| driver.period_ps: expected a number, got string \"10\"",
    })
    void badValuesNameTheFieldAndTheRange(String field, String value, String message) {
        String json = "{\"preset\": \"miller-urey-nanoreactor\", \"driver\": {\"" + field + "\": " + value + "}}";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aPeriodShorterThanAHundredStepsIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey-nanoreactor\", \"driver\": {\"period_ps\": 0.02}}"));
        assertEquals("driver.period_ps: 0.02 is shorter than 100 timesteps (0.025 ps); allowed period_ps >= 100 * timestep,"
                + " so the wall moves smoothly", e.getMessage());
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey-nanoreactor\", \"driver\": {\"period\": 3}}"));
        assertTrue(unknown.getMessage().startsWith("unknown field 'driver.period'; known fields of driver: type, period_ps"),
                unknown.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey\", \"driver\": {\"type\": \"piston\"}}"));
        assertEquals("driver.period_ps: missing; a value is required", missing.getMessage());
    }
}
