package io.live2.compute.aparapi;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;
import io.live2.engine.Simulation;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reactive miller-urey preset through the engine's Simulation on "aparapi": reactive events, pulses and
 * analysis run on the host between pullState()/pushState(), forces and integration on the device.
 *
 * <p>Stated bounds: valence never exceeded, element counts unchanged, and under NVE with reactions and discharge
 * pulses (every 500 steps, 2000 kJ/mol) |E_end − E_injected − E_0| / |E_0| ≤ 5e-3 over 5,000 steps of 0.5 fs
 * (measured: aparapi 5.4e-4, cpu 5.8e-4; the "cpu" value is printed next to ours). Self-determinism: two NVT
 * runs with pulses and reactions give the same bytes.
 */
class ReactiveSimulationTest {
    static final String NO_OUTPUT = "\"output\": {\"snapshot_every\": 0, \"checkpoint_every\": 0, \"trajectory_every\": 0}";

    static SimulationConfig nve() {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": 5000, "seed": 5, "ensemble": "nve",
                 "pulses": {"kind": "discharge", "interval": 500, "energy": 2000}, %s}
                """.formatted(NO_OUTPUT));
    }

    record Outcome(RunResult result, double e0, double eEnd, double injected, ParticleState state, Topology topology,
                   double drift) {
    }

    static Outcome run(SimulationConfig cfg, ComputeBackend backend) throws IOException {
        try (Simulation sim = Simulation.builder().config(cfg).backend(backend).progressIntervalMillis(0).build()) {
            double e0 = sim.totalEnergy();
            RunResult result = sim.run();
            assertEquals(RunStatus.SUCCEEDED, result.status());
            ForceField ff = sim.forceField();
            Topology t = sim.topology();
            ParticleState s = sim.snapshot().state();
            for (int i = 0; i < s.n; i++) {
                assertTrue(t.valenceUsed(i) <= ff.maxValence(s.type[i]), "valence of atom " + i);
            }
            assertEquals(sim.ledger().elementsInitial(), sim.elementCounts(), "element counts");
            double eEnd = sim.totalEnergy();
            double injected = sim.ledger().energyInjected();
            return new Outcome(result, e0, eEnd, injected, s, t.copy(), (eEnd - injected - e0) / Math.abs(e0));
        }
    }

    @Test
    void millerUreyKeepsInvariantsAndBookkeeping() throws IOException {
        Aparapi.require();
        Outcome cpu;
        try (ComputeBackend b = Backends.create("cpu", 1)) {
            cpu = run(nve(), b);
        }
        Outcome apa;
        try (ComputeBackend b = new AparapiBackendProvider().create(1)) {
            apa = run(nve(), b);
        }
        for (String[] row : new String[][] {{"cpu", ""}, {"aparapi", ""}}) {
            Outcome o = row[0].equals("cpu") ? cpu : apa;
            System.out.printf("%s: E0=%.6g Eend=%.6g injected=%.6g drift_rel=%.3e formed=%.0f broken=%.0f%n", row[0],
                    o.e0, o.eEnd, o.injected, o.drift, o.result.number("bonds_formed"), o.result.number("bonds_broken"));
        }
        assertTrue(apa.result.number("bonds_formed") > 0 && apa.result.number("bonds_broken") > 0,
                "reactions must happen for the test to mean anything");
        assertTrue(apa.injected > 0, "pulses must fire");
        assertTrue(Math.abs(apa.drift) <= 5e-3, "relative NVE drift with reactions " + apa.drift);
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Aparapi.require();
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": 1500, "seed": 11, "ensemble": "nvt",
                 "pulses": {"interval": 100, "energy": 2000}, %s}
                """.formatted(NO_OUTPUT));
        Outcome a;
        Outcome b;
        try (ComputeBackend be = new AparapiBackendProvider().create(1)) {
            a = run(cfg, be);
        }
        try (ComputeBackend be = new AparapiBackendProvider().create(1)) {
            b = run(cfg, be);
        }
        assertTrue(a.result.number("bonds_formed") + a.result.number("bonds_broken") > 0, "reactions must happen");
        assertArrayEquals(a.state.x, b.state.x);
        assertArrayEquals(a.state.y, b.state.y);
        assertArrayEquals(a.state.vx, b.state.vx);
        assertArrayEquals(a.state.vy, b.state.vy);
        assertEquals(a.topology, b.topology);
        assertEquals(a.eEnd, b.eEnd, 0.0);
    }
}
