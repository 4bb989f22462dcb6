package io.live2.compute;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs the system it claims to run, conserves energy, and gives the same physics on both backends. */
class LjBenchmarkTest {
    @Test
    void latticeHasTheRequestedDensityAndTemperature() {
        LjSystem sys = LjSystem.lattice(400, 0.7, 2.5, 1.0, 1);
        assertEquals(400, sys.state().n);
        assertEquals(0.7, sys.state().n / (sys.state().boxX() * sys.state().boxY()), 1e-12);
        double[] p = sys.state().momentum(sys.forceField());
        assertEquals(0, p[0], 1e-10);
        assertEquals(0, p[1], 1e-10);
        // 2K / (2N − 2) = kT = 1 (2-D, momentum fixed)
        assertEquals(1.0, 2 * sys.state().kineticEnergy(sys.forceField()) / (2 * 400 - 2), 1e-12);
    }

    @Test
    void shortRunConservesEnergyAndMatchesTheReference() {
        LjBenchmark.Result cpu = LjBenchmark.run(400, 200, 0.7, 2.5, 0.3, "cpu", 2);
        LjBenchmark.Result ref = LjBenchmark.run(400, 200, 0.7, 2.5, 0.3, "reference", 1);
        assertEquals(400, cpu.atoms());
        assertEquals(200, cpu.steps());
        assertTrue(cpu.neighbourBuilds() >= 1);
        // NVE at dt = 0.005 over 200 steps: drift per atom well below 1e-3 ε (the shifted-energy cutoff and
        // the time step are the only sources)
        assertTrue(Math.abs(cpu.energyDrift()) < 1e-3, "energy drift per atom " + cpu.energyDrift());
        // bit-identical trajectories give the same drift to the last bit
        assertEquals(ref.energyDrift(), cpu.energyDrift());
        assertEquals("cpu", cpu.backend());
        assertEquals("reference", ref.backend());
        assertTrue(cpu.report().startsWith("backend: cpu threads: 2"), cpu.report());
        assertTrue(cpu.report().endsWith("atom-steps/s: " + String.format("%.0f", cpu.atomStepsPerSecond())));
    }
}
