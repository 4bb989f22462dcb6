package io.live2.compute.simd;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.engine.RunResult;
import io.live2.engine.Simulation;
import io.live2.model.ParticleState;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reactive preset (miller-urey, 200 atoms, strong discharge pulses every 100 steps, reactions on) driven by the
 * engine on "simd": element counts are conserved, no atom exceeds its valence, and, because the backend is
 * bit-identical to "cpu", the whole run (positions, velocities, bonds, event counts, energy bookkeeping) is the same
 * bytes as the same run on "cpu", with 1 and 2 simd threads.
 */
class SimdReactivePresetTest {
    private static final long STEPS = 1500;

    private static SimulationConfig config() {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 200, "steps": %d, "seed": 11,
                 "pulses": {"interval": 100, "energy": 2000}}
                """.formatted(STEPS));
    }

    record Outcome(ParticleState state, int[] degree, int[] valenceUsed, Map<String, Long> before,
                   Map<String, Long> after, Map<String, Object> summary, RunResult result) {
    }

    private static Outcome run(ComputeBackend backend) throws IOException {
        try (backend; Simulation sim = Simulation.builder().config(config()).backend(backend).build()) {
            Map<String, Long> before = sim.elementCounts();
            RunResult r = sim.run();
            int n = sim.state().n;
            int[] degree = new int[n];
            int[] used = new int[n];
            for (int i = 0; i < n; i++) {
                degree[i] = sim.topology().degree(i);
                used[i] = sim.topology().valenceUsed(i);
                int max = sim.forceField().types().get(sim.state().type[i]).maxValence();
                assertTrue(used[i] <= max, "atom " + i + " uses valence " + used[i] + " > " + max);
            }
            return new Outcome(sim.state().copy(), degree, used, before, sim.elementCounts(), r.summary(), r);
        }
    }

    @Test
    void reactivePresetKeepsInvariantsAndMatchesCpuBitForBit() throws IOException {
        Outcome cpu = run(Backends.create("cpu", 1));
        for (int threads = 1; threads <= 2; threads++) {
            Outcome simd = run(new SimdBackend(threads));
            assertEquals(simd.before(), simd.after(), "element counts conserved");
            assertTrue(simd.result().number("energy_injected") > 0, "pulses must have fired");
            assertTrue(simd.result().number("bonds_broken") + simd.result().number("bonds_formed") > 0,
                    "reactions must have happened");
            assertEquals(cpu.state(), simd.state(), "state vs cpu, simd x" + threads);
            assertArrayEquals(cpu.state().x, simd.state().x);
            assertArrayEquals(cpu.state().vx, simd.state().vx);
            assertArrayEquals(cpu.degree(), simd.degree());
            assertArrayEquals(cpu.valenceUsed(), simd.valenceUsed());
            for (String field : new String[] {"bonds_formed", "bonds_broken", "energy_injected", "energy_initial",
                    "energy_final", "mean_temperature", "elements_final"}) {
                assertEquals(cpu.summary().get(field), simd.summary().get(field), field);
            }
        }
    }
}
