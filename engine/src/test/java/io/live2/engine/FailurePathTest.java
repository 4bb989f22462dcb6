package io.live2.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.compute.PairVisitor;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure leaves metadata.json and results.json saying so (issue 11: an extreme config went NaN and failed
 * with an internal assertion, no step number, and metadata.json left "running").
 */
class FailurePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A real backend whose forces turn NaN on atom 5 from the {@code from}-th evaluation on: a blow-up on cue. */
    private static final class PoisonedForces implements ComputeBackend {
        private final ComputeBackend real = Backends.create("cpu", 1);
        private final int from;
        private ParticleState state;
        private int evaluations;

        PoisonedForces(int from) {
            this.from = from;
        }

        private void poison() {
            if (++evaluations >= from) {
                state.fx[5] = Double.NaN;
            }
        }

        @Override public String name() { return "poisoned-cpu"; }
        @Override public int threads() { return 1; }
        @Override public void bind(ParticleState s, Topology t, ForceField ff, NeighborSettings n) { state = s; real.bind(s, t, ff, n); }
        @Override public Energies computeForces() { Energies e = real.computeForces(); poison(); return e; }
        @Override public void computeForcesOnly() { real.computeForcesOnly(); poison(); }
        @Override public void topologyChanged() { real.topologyChanged(); }
        @Override public void kick(double dt) { real.kick(dt); }
        @Override public void drift(double dt) { real.drift(dt); }
        @Override public double thermostat(double c1, double kT, long seed, long step, int sub) { return real.thermostat(c1, kT, seed, step, sub); }
        @Override public Motion motion() { return real.motion(); }
        @Override public double kineticEnergy() { return real.kineticEnergy(); }
        @Override public void forEachPairWithin(double d, PairVisitor v) { real.forEachPairWithin(d, v); }
        @Override public long neighbourBuilds() { return real.neighbourBuilds(); }
        @Override public void close() { real.close(); }
    }

    @Test
    void aNonFiniteForceFailsTheStepAndIsRecorded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        try (PoisonedForces backend = new PoisonedForces(300);
             Simulation sim = Simulation.builder().backend(backend).runDirectory(dir).config(ConfigLoader.fromJson(
                     "{\"preset\": \"miller-urey\", \"particles\": 100, \"steps\": 1000, \"output\": {\"checkpoint_every\": 100}}")).build()) {
            SimulationFailedException e = assertThrows(SimulationFailedException.class, sim::run);
            assertEquals("non_finite_state", e.reason());
            assertTrue(e.step() > 0 && e.step() < 1000, "failed at " + e.step());
            assertTrue(e.getMessage().contains("atom " + sim.state().id[5]), e.getMessage());
        }
        JsonNode results = JSON.readTree(dir.resolve("results/results.json").toFile());
        assertEquals("failed", results.get("status").asText());
        assertEquals("non_finite_state", results.get("failure").get("reason").asText());
        assertEquals("failed", JSON.readTree(dir.resolve("metadata.json").toFile()).get("status").asText());
        JsonNode report = JSON.readTree(dir.resolve("logs/failure.json").toFile());
        assertEquals(5, report.get("atoms").get(0).get("slot").asInt());
        assertEquals("NaN", report.get("atoms").get(0).get("force_kj_mol_nm").get(0).asText());
        // the newest checkpoint was written before the bad step, from a checked state: it resumes
        long last = report.get("step").asLong();
        try (Simulation resumed = Simulation.resume(dir, 100L * (last / 100), java.util.List.of())) {
            assertTrue(resumed.step() <= last);
            assertTrue(Double.isFinite(resumed.totalEnergy()));
        }
    }

    /** The extreme config (10^5 K, 10 fs, no friction) now runs, in many sub-steps, or fails cleanly. */
    @Test
    void theExtremeConfigEndsWithItsStatusRecorded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        String status;
        try (Simulation sim = Simulation.builder().runDirectory(dir).config(ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey\", \"particles\": 60, \"steps\": 100, \"temperature\": 100000,"
                        + " \"timestep\": 0.01, \"friction\": 0}")).build()) {
            try {
                status = sim.run().status().wireName();
                assertTrue(sim.ledger().stepsSplit() > 0, "10 fs at 10^5 K must be sub-stepped");
            } catch (SimulationFailedException e) {
                status = "failed";
            }
        }
        assertEquals(status, JSON.readTree(dir.resolve("results/results.json").toFile()).get("status").asText());
        assertEquals(status, JSON.readTree(dir.resolve("metadata.json").toFile()).get("status").asText());
    }
}
