package io.live2.engine;

import io.live2.model.ParticleType;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Snapshot;
import io.live2.model.io.SnapshotJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open chemistry: pulses mutate kinds so new kinds appear, within the valence rule, and resume stays bit-exact. */
class OpenChemistryTest {
    private static SimulationConfig config(long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "open-chemistry", "particles": 200, "steps": %d, "seed": 5,
                 "pulses": {"interval": 50, "radius": 0.8, "energy": 400},
                 "open_chemistry": {"mutation_rate": 0.5},
                 "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0}}
                """.formatted(steps));
    }

    @Test
    void pulsesCreateNewKindsWithoutBreakingValence(@TempDir Path tmp) throws IOException {
        RunResult r;
        try (Simulation sim = Simulation.builder().config(config(1000)).runDirectory(tmp.resolve("oc")).build()) {
            int kindsBefore = sim.forceField().typeCount();
            r = sim.run();
            long mutations = (long) r.number("kind_mutations");
            assertTrue(mutations > 0, "mutations must happen");
            assertEquals(kindsBefore + mutations, sim.forceField().typeCount(), "each mutation adds one kind");
            for (int i = 0; i < sim.state().n; i++) {
                ParticleType t = sim.forceField().types().get(sim.state().type[i]);
                assertTrue(sim.topology().valenceUsed(i) <= t.maxValence(), "valence of atom " + i);
            }
        }
        Snapshot last = SnapshotJson.read(tmp.resolve("oc/snapshots/snapshot_000001000.json"));
        assertEquals(200, last.state().n);
        assertTrue(last.types().size() > 8, "the snapshot carries the new kinds");
    }

    @Test
    void resumeWithMutationsIsBitExact(@TempDir Path tmp) throws IOException {
        try (Simulation sim = Simulation.builder().config(config(1000)).runDirectory(tmp.resolve("whole")).build()) {
            sim.run();
        }
        try (Simulation sim = Simulation.builder().config(config(430)).runDirectory(tmp.resolve("part")).build()) {
            sim.run();
        }
        try (Simulation sim = Simulation.resume(tmp.resolve("part"), 1000L, List.of())) {
            sim.run();
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/snapshots/snapshot_000001000.json")),
                Files.readAllBytes(tmp.resolve("part/snapshots/snapshot_000001000.json")));
    }
}
