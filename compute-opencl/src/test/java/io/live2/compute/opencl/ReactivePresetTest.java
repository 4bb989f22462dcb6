package io.live2.compute.opencl;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.engine.Progress;
import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;
import io.live2.engine.Simulation;
import io.live2.engine.SimulationObserver;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The miller-urey preset (~200 atoms) through io.live2.engine.Simulation on the OpenCL backend: reactions every 10
 * steps on the host (pullState / pushState / topologyChanged), discharge pulses. Invariants: no atom ever exceeds
 * its valence, element counts are conserved, and under NVE the energy bookkeeping holds:
 * |E_end − E_0 − injected| / |E_0| stays below {@value #NVE_DRIFT_BOUND} (the reference backend on the same run is
 * printed next to it; both are dominated by the hot pulsed atoms, not by float32).
 */
class ReactivePresetTest {
    static final double NVE_DRIFT_BOUND = 1e-2;

    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    static SimulationConfig config(String ensemble, long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 200, "steps": %d, "seed": 5, "ensemble": "%s",
                 "pulses": {"kind": "discharge", "interval": 500, "energy": 1500},
                 "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0}}
                """.formatted(steps, ensemble));
    }

    /** Runs cfg on the backend, checking valence every 50 steps; returns the result. */
    static RunResult run(SimulationConfig cfg, ComputeBackend backend) throws IOException {
        Simulation[] self = new Simulation[1];
        int[] checks = {0};
        try (Simulation sim = Simulation.builder().config(cfg).backend(backend).progressIntervalMillis(0)
                .observer(new SimulationObserver() {
                    @Override
                    public void onProgress(Progress p) {
                        if (p.step() % 50 == 0) {
                            assertValence(self[0]);
                            checks[0]++;
                        }
                    }
                }).build()) {
            self[0] = sim;
            RunResult r = sim.run();
            assertEquals(RunStatus.SUCCEEDED, r.status());
            assertValence(sim);
            assertEquals(sim.ledger().elementsInitial(), sim.elementCounts(), "element counts are conserved");
            assertTrue(checks[0] > 10, "valence was checked along the run");
            return r;
        }
    }

    static void assertValence(Simulation sim) {
        Topology t = sim.topology();
        ParticleState s = sim.state();
        ForceField ff = sim.forceField();
        for (int i = 0; i < s.n; i++) {
            assertTrue(t.valenceUsed(i) <= ff.maxValence(s.type[i]), "valence of atom " + i);
        }
    }

    @Test
    void nveWithReactionsAndPulsesKeepsInvariantsAndEnergyBookkeeping() throws IOException {
        SimulationConfig cfg = config("nve", 4000);
        RunResult o;
        try (OpenClBackend b = new OpenClBackend()) {
            o = run(cfg, b);
        }
        RunResult r;
        try (ComputeBackend b = Backends.create("reference", 1)) {
            r = run(cfg, b);
        }
        System.out.printf("miller-urey NVE 200 atoms 4000 steps: opencl drift_rel %.3e (formed %.0f broken %.0f injected %.1f),"
                        + " reference drift_rel %.3e (formed %.0f broken %.0f injected %.1f)%n",
                o.number("energy_drift_relative"), o.number("bonds_formed"), o.number("bonds_broken"),
                o.number("energy_injected"), r.number("energy_drift_relative"), r.number("bonds_formed"),
                r.number("bonds_broken"), r.number("energy_injected"));
        assertTrue(o.number("energy_injected") > 0, "pulses fired");
        assertTrue(o.number("bonds_formed") + o.number("bonds_broken") > 0, "reactions happened");
        assertTrue(Math.abs(o.number("energy_drift_relative")) < NVE_DRIFT_BOUND,
                "energy bookkeeping: drift " + o.number("energy_drift_relative"));
    }

    @Test
    void nvtPresetKeepsInvariants() throws IOException {
        SimulationConfig cfg = config("nvt", 3000);
        try (OpenClBackend b = new OpenClBackend()) {
            RunResult o = run(cfg, b);
            System.out.printf("miller-urey NVT 200 atoms 3000 steps on opencl: T_mean %.1f K, formed %.0f broken %.0f%n",
                    o.number("mean_temperature"), o.number("bonds_formed"), o.number("bonds_broken"));
            assertTrue(o.number("bonds_formed") + o.number("bonds_broken") > 0, "reactions happened");
        }
    }
}
