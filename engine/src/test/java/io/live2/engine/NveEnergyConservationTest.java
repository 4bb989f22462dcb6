package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NVE (velocity Verlet) conservation over 10^5 steps (CHEMISTRY.md §4): total-energy drift and fluctuation of the
 * LJ fluid and of a bonded, reactive molecular system (with and without energy pulses; the injected energy is
 * subtracted), and total momentum. Bounds and measured values are in docs/validation.md; the measured numbers are
 * printed so they can be re-read.
 */
class NveEnergyConservationTest {
    private static final long STEPS = 100_000;
    private static final int SAMPLE_EVERY = 100;
    private static final String NO_OUTPUT = "\"output\": {\"snapshot_every\": 0, \"checkpoint_every\": 0, \"trajectory_every\": 0}";
    // bounds: measured value × 3–5, see docs/validation.md
    private static final double LJ_DRIFT_BOUND = 6e-4;
    private static final double LJ_FLUCTUATION_BOUND = 1.2e-3;
    private static final double BONDED_DRIFT_BOUND = 1.5e-4;
    private static final double BONDED_FLUCTUATION_BOUND = 2e-4;
    private static final double REACTIVE_DRIFT_BOUND = 1.5e-2;
    private static final double REACTIVE_FLUCTUATION_BOUND = 1.5e-2;
    private static final double MOMENTUM_BOUND = 1e-9;

    /** Energy trace: E(0), then E every SAMPLE_EVERY steps, with the energy injected up to that step subtracted. */
    record Trace(double e0, double eEnd, double maxDeviation, double driftRelative, double maxFluctuationRelative,
                 RunResult result, double[] p0, double[] pEnd, double meanAbsMomentum) {
    }

    private static Trace run(SimulationConfig cfg) throws IOException {
        Simulation[] self = new Simulation[1];
        double[] e0 = new double[1];
        double[] maxDev = {0};
        try (Simulation sim = Simulation.builder().config(cfg).progressIntervalMillis(0)
                .observer(new SimulationObserver() {
                    @Override
                    public void onProgress(Progress p) {
                        if (p.step() % SAMPLE_EVERY == 0) {
                            double dev = Math.abs(p.totalEnergy() - self[0].ledger().energyInjected() - e0[0]);
                            maxDev[0] = Math.max(maxDev[0], dev);
                        }
                    }
                }).build()) {
            self[0] = sim;
            e0[0] = sim.totalEnergy();
            double[] p0 = momentum(sim);
            double meanAbs = meanAbsMomentum(sim);
            RunResult result = sim.run();
            assertEquals(RunStatus.SUCCEEDED, result.status());
            assertEquals(e0[0], result.number("energy_initial"), 0.0);
            return new Trace(e0[0], result.number("energy_final"), maxDev[0], result.number("energy_drift_relative"),
                    maxDev[0] / Math.abs(e0[0]), result, p0, momentum(sim), meanAbs);
        }
    }

    static double[] momentum(Simulation sim) {
        ParticleState s = sim.state();
        ForceField ff = sim.forceField();
        double px = 0;
        double py = 0;
        for (int i = 0; i < s.n; i++) {
            double m = ff.mass(s.type[i]);
            px += m * s.vx[i];
            py += m * s.vy[i];
        }
        return new double[] {px, py};
    }

    static double meanAbsMomentum(Simulation sim) {
        ParticleState s = sim.state();
        ForceField ff = sim.forceField();
        double sum = 0;
        for (int i = 0; i < s.n; i++) {
            sum += ff.mass(s.type[i]) * Math.hypot(s.vx[i], s.vy[i]);
        }
        return sum / s.n;
    }

    private static void print(String name, Trace t) {
        System.out.printf("[validation] %s: atoms=%d steps=%d E0=%.6g Eend=%.6g drift_rel=%.3e max_fluct_rel=%.3e "
                        + "bonds_formed=%.0f bonds_broken=%.0f injected=%.6g |dP|/<|mv|>=%.3e T_mean=%.2f%n",
                name, (int) t.result.number("atoms"), t.result.steps(), t.e0, t.eEnd, t.driftRelative,
                t.maxFluctuationRelative, t.result.number("bonds_formed"), t.result.number("bonds_broken"),
                t.result.number("energy_injected"),
                Math.hypot(t.pEnd[0] - t.p0[0], t.pEnd[1] - t.p0[1]) / t.meanAbsMomentum, t.result.number("mean_temperature"));
    }

    private static double momentumChangeRelative(Trace t) {
        return Math.hypot(t.pEnd[0] - t.p0[0], t.pEnd[1] - t.p0[1]) / t.meanAbsMomentum;
    }

    /** LJ fluid, reduced units (σ = ε = m = 1, kT = 1), ρ = 0.7, dt = 0.005 τ, 10^5 steps. */
    @Test
    void ljFluidConservesEnergyAndMomentum() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "lj-fluid", "particles": 256, "steps": %d, "seed": 3, "ensemble": "nve", %s}
                """.formatted(STEPS, NO_OUTPUT));
        Trace t = run(cfg);
        print("lj-fluid NVE", t);
        assertTrue(Math.abs(t.driftRelative) < LJ_DRIFT_BOUND, "relative drift " + t.driftRelative);
        assertTrue(t.maxFluctuationRelative < LJ_FLUCTUATION_BOUND, "max fluctuation " + t.maxFluctuationRelative);
        assertTrue(momentumChangeRelative(t) < MOMENTUM_BOUND, "momentum change " + momentumChangeRelative(t));
    }

    /**
     * Bonded molecular system (Miller–Urey mixture CH4/NH3/H2O/H2, Morse bonds, soft 1-3 repulsion, UFF LJ) with
     * reactions ON and pulses off, 0.5 fs, 10^5 steps (50 ps).
     */
    @Test
    void bondedReactiveSystemConservesEnergyAndMomentum() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": %d, "seed": 5, "ensemble": "nve",
                 "pulses": {"kind": "none"}, %s}
                """.formatted(STEPS, NO_OUTPUT));
        assertTrue(cfg.reactions().enabled());
        assertEquals(0.0005, cfg.timestep());
        Trace t = run(cfg);
        print("miller-urey NVE, reactions on, pulses off", t);
        assertTrue(Math.abs(t.driftRelative) < BONDED_DRIFT_BOUND, "relative drift " + t.driftRelative);
        assertTrue(t.maxFluctuationRelative < BONDED_FLUCTUATION_BOUND, "max fluctuation " + t.maxFluctuationRelative);
        assertTrue(momentumChangeRelative(t) < MOMENTUM_BOUND, "momentum change " + momentumChangeRelative(t));
    }

    /**
     * The same system driven by discharge pulses so that bonds really break and form under NVE: every event is paid
     * from the pair's kinetic energy, so E − energy_injected stays constant up to the integration error (which the
     * hot pulsed atoms make larger than in the quiet run; docs/validation.md shows that switching reactions off
     * gives an error of the same size).
     */
    @Test
    void bondBookkeepingKeepsTheEnergyWhenReactionsHappen() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": %d, "seed": 5, "ensemble": "nve",
                 "pulses": {"kind": "discharge", "interval": 10000, "energy": 1500}, %s}
                """.formatted(STEPS, NO_OUTPUT));
        Trace t = run(cfg);
        print("miller-urey NVE, reactions on, discharge pulses", t);
        assertTrue(t.result.number("bonds_formed") > 0, "bonds must form for the test to mean anything");
        assertTrue(t.result.number("bonds_broken") > 0, "bonds must break for the test to mean anything");
        assertTrue(t.result.number("energy_injected") > 0);
        assertTrue(Math.abs(t.driftRelative) < REACTIVE_DRIFT_BOUND, "relative drift " + t.driftRelative);
        assertTrue(t.maxFluctuationRelative < REACTIVE_FLUCTUATION_BOUND, "max fluctuation " + t.maxFluctuationRelative);
    }
}
