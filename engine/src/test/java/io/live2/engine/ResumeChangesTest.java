package io.live2.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `live resume --timestep`: a run (for example a failed one) continues from its checkpoint with another time step;
 * the change is validated, recorded in metadata.json, carried by the next checkpoints, and time continues.
 */
class ResumeChangesTest {
    private static RunResult firstPart(Path dir) throws Exception {
        try (Simulation sim = Simulation.builder().config(ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey\", \"particles\": 120, \"steps\": 300, \"seed\": 4}")).runDirectory(dir).build()) {
            return sim.run();
        }
    }

    @Test
    void aSmallerTimestepIsRecordedAndTimeContinues(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        firstPart(dir);
        RunResult r;
        try (Simulation sim = Simulation.resume(dir, 600L, List.of(), Map.of("timestep", 0.00025))) {
            assertEquals(0.00025, sim.config().timestep());
            r = sim.run();
        }
        assertEquals(RunStatus.SUCCEEDED, r.status());
        assertEquals(300 * 0.0005 + 300 * 0.00025, r.number("simulated_time_ps"), 1e-12);
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("metadata.json").toFile());
        JsonNode segments = meta.get("segments");
        JsonNode change = segments.get(segments.size() - 1).get("config_changes").get("timestep");
        assertEquals(0.0005, change.get("from").asDouble());
        assertEquals(0.00025, change.get("to").asDouble());
        // the checkpoints written since carry the new step: a plain resume keeps it
        try (Simulation sim = Simulation.resume(dir, 700L, List.of())) {
            assertEquals(0.00025, sim.config().timestep());
            assertEquals(600 * 0.0005 - 300 * 0.00025, sim.timePs(), 1e-12, "time at step 600");
        }
    }

    @Test
    void onlyHowTheRunIsIntegratedMayChangeAndWithinItsRange(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        firstPart(dir);
        ConfigException other = assertThrows(ConfigException.class,
                () -> Simulation.resume(dir, 600L, List.of(), Map.of("particles", 500)));
        assertTrue(other.getMessage().startsWith("particles: cannot change on resume"), other.getMessage());
        ConfigException range = assertThrows(ConfigException.class,
                () -> Simulation.resume(dir, 600L, List.of(), Map.of("timestep", 0.5)));
        assertTrue(range.getMessage().startsWith("timestep: 0.5 is out of range"), range.getMessage());
    }
}
