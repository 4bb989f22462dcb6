package io.live2.model.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    static List<String> presets() {
        return Presets.names();
    }

    @Test
    void listsThePresetsWithDescriptions() {
        assertEquals(List.of("miller-urey", "hydrothermal", "formamide", "open-chemistry", "lj-fluid",
                "miller-urey-nanoreactor", "formamide-nanoreactor"), Presets.names());
        for (PresetInfo p : Presets.list()) {
            assertTrue(!p.description().isBlank() && !p.description().contains("\n"), p.name());
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetLoadsAndRoundTrips(String name) {
        SimulationConfig c = ConfigLoader.fromPreset(name);
        assertEquals(name, c.preset());
        String json = ConfigLoader.toJson(c);
        assertEquals(c, ConfigLoader.fromJson(json));
        assertEquals(json, ConfigLoader.toJson(ConfigLoader.fromJson(json)), "canonical output is a fixed point");
    }

    @Test
    void presetValuesFollowChemistryMd() {
        SimulationConfig mu = ConfigLoader.fromPreset("miller-urey");
        assertEquals(298.0, mu.temperature());
        assertEquals("discharge", mu.pulses().kind());
        assertEquals(SimulationConfig.Ensemble.NVT, mu.ensemble());
        assertEquals(List.of(new SimulationConfig.Component("CH4", 500), new SimulationConfig.Component("NH3", 400),
                new SimulationConfig.Component("H2O", 800), new SimulationConfig.Component("H2", 300)), mu.composition());
        SimulationConfig lj = ConfigLoader.fromPreset("lj-fluid");
        assertEquals(SimulationConfig.Ensemble.NVE, lj.ensemble());
        assertEquals(1.0, io.live2.model.Units.K_B * lj.temperature() / lj.types().get(0).epsilon(), 1e-12);
        assertTrue(!lj.reactions().enabled() && lj.pulses().kind().equals("none"));
        assertTrue(ConfigLoader.fromPreset("open-chemistry").openChemistry() != null);
    }

    @Test
    void jsonOverridesMergeIntoThePreset() {
        SimulationConfig c = ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 800, "steps": 20000, "seed": 9,
                 "output": {"snapshot_every": 100}, "pulses": {"energy": 50}}""");
        SimulationConfig base = ConfigLoader.fromPreset("miller-urey");
        assertEquals(800, c.particles());
        assertEquals(20000, c.steps());
        assertEquals(9, c.seed());
        assertEquals(100, c.output().snapshotEvery());
        assertEquals(base.output().checkpointEvery(), c.output().checkpointEvery(), "unnamed sub-fields keep preset values");
        assertEquals(50.0, c.pulses().energy());
        assertEquals(base.pulses().interval(), c.pulses().interval());
        assertEquals(base.composition(), c.composition());
    }

    @Test
    void cliOverridesWinOverJsonAndMayNameThePreset() {
        Map<String, Object> over = new HashMap<>();
        over.put("preset", "hydrothermal");
        over.put("steps", 7L);
        over.put("temperature", 400.0);
        over.put("ensemble", "nve");
        over.put("output.checkpoint_every", 3);
        SimulationConfig c = ConfigLoader.resolve("{\"preset\": \"miller-urey\", \"steps\": 99, \"threads\": 2}", over);
        assertEquals("hydrothermal", c.preset());
        assertEquals(7, c.steps());
        assertEquals(2, c.threads());
        assertEquals(400.0, c.temperature());
        assertEquals(SimulationConfig.Ensemble.NVE, c.ensemble());
        assertEquals(3, c.output().checkpointEvery());
        assertEquals(ConfigLoader.fromPreset("hydrothermal").composition(), c.composition());
    }

    @Test
    void openChemistryCanBeSwitchedOffWithNull() {
        SimulationConfig c = ConfigLoader.fromJson("""
                {"preset": "open-chemistry", "open_chemistry": null, "composition": [{"molecule": "H2O", "ratio": 1}]}""");
        assertNull(c.openChemistry());
    }

    @Test
    void aCompleteDocumentNeedsNoPreset() {
        SimulationConfig c = ConfigLoader.fromPreset("formamide");
        String json = ConfigLoader.toJson(c).replace("\"preset\": \"formamide\",", "");
        SimulationConfig plain = ConfigLoader.fromJson(json);
        assertNull(plain.preset());
        assertEquals(c.composition(), plain.composition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"preset\": \"miller-urey\", \"particles\": 0}|particles: 0 is out of range; allowed 1..2000000",
        "{\"preset\": \"miller-urey\", \"temperature\": -3}|temperature: -3 is out of range; allowed 0 < temperature <= 100000",
        "{\"preset\": \"miller-urey\", \"timestep\": 0.02}|timestep: 0.02 is out of range; allowed 0 < timestep <= 0.01",
        "{\"preset\": \"miller-urey\", \"threads\": 1.5}|threads: 1.5 is not a whole number; allowed 1..256",
        "{\"preset\": \"miller-urey\", \"particles\": \"many\"}|particles: expected an integer, got string \"many\"",
        "{\"preset\": \"miller-urey\", \"backend\": \"GPU!\"}|backend: 'GPU!' is not allowed; allowed auto|cpu|reference|simd|opencl|aparapi or another installed backend's name",
        "{\"preset\": \"miller-urey\", \"tempreature\": 3}|unknown field 'tempreature'",
        "{\"preset\": \"miller-urey\", \"output\": {\"snapshots\": 3}}|unknown field 'output.snapshots'",
        "{\"preset\": \"miller-urey\", \"reactions\": {\"break_depth\": 0.5}}|reactions.break_depth: 0.5 must be below reactions.form_depth",
        "{\"preset\": \"miller-urey\", \"pulses\": {\"kind\": \"laser\"}}|pulses.kind: 'laser' is not allowed; allowed none|discharge|heat|uv",
        "{\"preset\": \"miller-urey\", \"composition\": [{\"molecule\": \"C60\", \"ratio\": 1}]}|composition[0].molecule: 'C60' is not a known molecule",
        "{\"preset\": \"miller-urey\", \"composition\": [{\"molecule\": \"H2O\", \"ratio\": 0}]}|composition[0].ratio: 0 is out of range; allowed 0 < ratio <= 1000000000",
        "{\"preset\": \"miller-urey\", \"steps\": 1e400}|steps: 1E+400 is out of range; allowed 0..10000000000",
        "{\"preset\": \"miller-urey\", \"seed\": 99999999999999999999999}|seed: 99999999999999999999999 is out of range; allowed 0..9223372036854775807",
        "{\"preset\": \"pizza\"}|preset: 'pizza' is not a known preset; known: miller-urey, hydrothermal, formamide, open-chemistry, lj-fluid",
        "{\"preset\": 3}|preset: expected a preset name string, got",
        "{\"particles\": 10}|",
        "{\"preset\": \"miller-urey\",}|config: malformed JSON at line 1",
        "[1, 2]|config: expected a JSON object at the top level",
        "{\"preset\": \"miller-urey\", \"seed\": 1, \"seed\": 2}|config: malformed JSON",
        "{\"preset\": \"miller-urey\"} trailing|config: malformed JSON",
        "{\"preset\": \"miller-urey\", \"temperature\": NaN}|config: malformed JSON",
        "{\"preset\": \"lj-fluid\", \"types\": [{\"name\": \"H\", \"mass\": 1, \"sigma\": 1, \"epsilon\": 1, \"valence\": 0}]}|types[0].name: 'H' clashes",
        "{\"preset\": \"open-chemistry\", \"open_chemistry\": {\"mass_min\": 50}}|open_chemistry.mass_max: 40 is below open_chemistry.mass_min (50)",
    })
    void badInputNamesTheFieldAndTheAllowedRange(String json, String expectedStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(json));
        String expected = expectedStart == null ? "" : expectedStart;
        assertTrue(e.getMessage().startsWith(expected), "message: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingRequiredValuesWithoutAPresetAreNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromJson("{\"particles\": 10}"));
        assertTrue(e.getMessage().endsWith("missing; a value is required"), e.getMessage());
    }

    /** Found by `live drill fuzz`: a number with a huge exponent escaped as a NumberFormatException. */
    @Test
    void aNumberWithAHugeExponentIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"timestep\": 5.0E0776686742118707}"));
        assertTrue(e.getMessage().startsWith("config: malformed JSON: a number that cannot be read"), e.getMessage());
    }

    /** Found by `live drill fuzz`: an unknown field's name with a line break made the message span lines. */
    @Test
    void unknownFieldNamesWithLineBreaksGiveOneLineMessages() {
        ConfigException top = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"a\\nb\\r\\tc\": 1}"));
        assertEquals("unknown field 'a b  c'", top.getMessage().substring(0, top.getMessage().indexOf(';')));
        ConfigException nested = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"reactions\": {\"x\\ny\": 1}}"));
        assertTrue(nested.getMessage().startsWith("unknown field 'reactions.x y';"), nested.getMessage());
        ConfigException override = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "x\ny.z", 1)));
        assertTrue(!override.getMessage().contains("\n"), override.getMessage());
    }

    @Test
    void nanAndUnsupportedOverridesAreConfigErrors() {
        ConfigException nan = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "temperature", Double.NaN)));
        assertEquals("temperature: NaN is not a finite number; allowed 0 < temperature <= 100000", nan.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "output.bogus", 1)));
        assertTrue(unknown.getMessage().startsWith("unknown field 'output.bogus'"), unknown.getMessage());
        ConfigException type = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(null, Map.of("preset", "miller-urey", "steps", new Object())));
        assertTrue(type.getMessage().startsWith("steps: unsupported override"), type.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.resolve(null, Map.of()));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(""));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromPreset("../presets/index"));
    }
}
