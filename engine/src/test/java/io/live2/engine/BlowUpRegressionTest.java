package io.live2.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Checkpoint;
import io.live2.model.io.CheckpointCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's crash, replayed. `live run --preset miller-urey --particles 800 --steps 120000 --seed 9` died near
 * step 99,500 with an atom at x = −8388608: a discharge pulse at step 99,500 gave an H atom ~1,300 kJ/mol (53 nm/ps,
 * 0.027 nm per 0.5 fs step); velocity Verlet could not follow it into a Lennard-Jones wall, each step created
 * energy, and within 20 steps velocities reached 10^26 nm/ps. The checkpoint of that run at step 99,000 (41 KB,
 * written by the code of that day; checkpoints are bit-exact) is in the test resources.
 */
class BlowUpRegressionTest {
    private static final long UNTIL = 100_000;

    private static Checkpoint checkpoint() throws IOException, URISyntaxException {
        return CheckpointCodec.read(Path.of(BlowUpRegressionTest.class
                .getResource("blowup/miller-urey-800-seed9-step99000.bin").toURI()));
    }

    private static Simulation replay(Checkpoint cp, Map<String, Object> overrides, Path dir) throws IOException {
        SimulationConfig cfg = ConfigLoader.resolve(cp.configJson(), overrides);
        return Simulation.builder().config(cfg).initialState(cp.snapshot(), null).runDirectory(dir).build();
    }

    @Test
    void theCrashedRunNowFinishesWithItsInvariantsAndLedger(@TempDir Path tmp) throws Exception {
        Checkpoint cp = checkpoint();
        assertEquals(99_000, cp.snapshot().step());
        try (Simulation sim = replay(cp, Map.of("steps", UNTIL, "backend", "cpu"), tmp.resolve("run"))) {
            RunResult r = sim.run();
            assertEquals(RunStatus.SUCCEEDED, r.status());
            assertEquals(UNTIL, sim.step());
            assertTrue(sim.ledger().stepsSplit() > 0, "the pulse's hot atom must have been followed in sub-steps");
            assertTrue(sim.ledger().energyInjected() > 0, "the step-99,500 pulse must have fired");
            assertEquals(java.util.List.of(), RunChecks.violations(sim, 0.01));
        }
    }

    /**
     * The same replay with sub-steps effectively off (a limit of one σ per step, the old behaviour) still blows up,
     * so the test above passes because of the fix and not by luck; and the blow-up is now caught by the per-step
     * check, reported and recorded instead of ending in an internal assertion.
     */
    @Test
    void withoutSubStepsItBlowsUpAndTheFailureIsRecorded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        try (Simulation sim = replay(checkpoint(), Map.of("steps", UNTIL, "backend", "cpu", "max_displacement", 1.0), dir)) {
            SimulationFailedException e = assertThrows(SimulationFailedException.class, sim::run);
            assertTrue(e.step() > 99_500 && e.step() < 99_600, "failed at " + e.step());
            assertTrue(e.getMessage().contains("failure.json"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(dir.resolve("results/results.json").toFile());
        assertEquals("failed", results.get("status").asText());
        assertTrue(results.get("failure").get("step").asLong() > 99_500);
        assertEquals("failed", json.readTree(dir.resolve("metadata.json").toFile()).get("status").asText());
        JsonNode failure = json.readTree(dir.resolve("logs/failure.json").toFile());
        assertTrue(failure.get("atoms").size() > 0, "the report names the atoms");
        assertTrue(failure.get("atoms").get(0).has("bonds") && failure.get("atoms").get(0).has("neighbours"));
        assertTrue(failure.get("pulses").size() > 0, "the report lists the recent pulses");
        JsonNode pulse = failure.get("pulses").get(failure.get("pulses").size() - 1);
        assertEquals(99_500, pulse.get("step").asLong());
        // the checkpoints written before the failure are the good ones, and there is one to resume from
        assertTrue(Files.list(dir.resolve("checkpoints")).findAny().isPresent());
        assertTrue(failure.get("last_good_checkpoint").asText().startsWith("checkpoints/checkpoint_"));
    }
}
