package io.live2.engine;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engine-level backend consistency: on a real preset's state (fresh, and after 2,000 pulsed reactive steps so the bond
 * graph has changed) the "cpu" (threaded, 2 threads) and "reference" backends give the same forces and energies, bit
 * for bit.
 */
class ForceConsistencyTest {
    private static final String NO_OUTPUT = "\"output\": {\"snapshot_every\": 0, \"checkpoint_every\": 0, \"trajectory_every\": 0}";

    @ParameterizedTest
    @ValueSource(strings = {"lj-fluid", "miller-urey", "formamide", "hydrothermal"})
    void cpuAndReferenceBackendsAgreeExactly(String preset) throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "%s", "particles": 300, "steps": 2000, "seed": 21, "backend": "reference", "threads": 1,
                 "pulses": {"interval": 100, "energy": 2000}, %s}
                """.formatted(preset, NO_OUTPUT));
        try (Simulation sim = Simulation.builder().config(cfg).build()) {
            compare(preset + " initial", sim.snapshot(), sim.forceField(), cfg);
            RunResult r = sim.run();
            compare(preset + " after " + r.steps() + " steps (bonds formed " + (long) r.number("bonds_formed")
                    + ", broken " + (long) r.number("bonds_broken") + ")", sim.snapshot(), sim.forceField(), cfg);
        }
    }

    private static void compare(String what, Snapshot snap, ForceField ff, SimulationConfig cfg) {
        ParticleState a = snap.state().copy();
        ParticleState b = snap.state().copy();
        Topology ta = snap.topology().copy();
        Topology tb = snap.topology().copy();
        try (ComputeBackend ref = Backends.create("reference", 1); ComputeBackend cpu = Backends.create("cpu", 2)) {
            ref.bind(a, ta, ff, new NeighborSettings(cfg.skin()));
            cpu.bind(b, tb, ff, new NeighborSettings(cfg.skin()));
            Energies ea = ref.computeForces();
            Energies eb = cpu.computeForces();
            assertEquals(ea, eb, what + ": energies");
            assertArrayEquals(a.fx, b.fx, 0.0, what + ": fx");
            assertArrayEquals(a.fy, b.fy, 0.0, what + ": fy");
            assertEquals(ref.kineticEnergy(), cpu.kineticEnergy(), 0.0, what + ": kinetic energy");
            double maxF = 0;
            for (int i = 0; i < a.n; i++) {
                maxF = Math.max(maxF, Math.hypot(a.fx[i], a.fy[i]));
            }
            assertTrue(maxF > 0, "forces must be non-trivial");
            System.out.printf("[validation] force consistency %s: n=%d bonds=%d U=%.6g |F|max=%.4g identical%n",
                    what, a.n, ta.bondCount(), ea.potential(), maxF);
        }
    }
}
