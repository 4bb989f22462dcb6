package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Units;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BAOAB Langevin (CHEMISTRY.md §4): after equilibration the mean kinetic temperature is within 2% of the target, and
 * the scaled speeds u = |v|·√(m/kT) of every atom (whatever its mass) follow the 2-D Maxwell–Boltzmann speed law,
 * the Rayleigh distribution with σ = 1, P(u) = u·e^{−u²/2} (Kolmogorov–Smirnov and chi-square tests, p &gt; 0.01 with
 * a fixed seed). Negative control: the same tests reject speeds scaled by 1.1, so they have power.
 */
class NvtThermostatTest {
    private static final String NO_OUTPUT = "\"output\": {\"snapshot_every\": 0, \"checkpoint_every\": 0, \"trajectory_every\": 0}";
    /** Rayleigh(σ = 1) = Weibull(shape 2, scale √2). */
    private static final WeibullDistribution RAYLEIGH = new WeibullDistribution(2.0, Math.sqrt(2.0));
    private static final int BINS = 20;

    record Sampled(double meanTemperature, double target, double[] scaledSpeeds, int temperatureSamples,
                   Map<String, List<Double>> byType) {
    }

    /**
     * Runs cfg; after `equilibration` steps samples the kinetic temperature every `temperatureEvery` steps and the
     * scaled speeds of all atoms every `frameEvery` steps (frames far enough apart to be decorrelated).
     */
    private static Sampled sample(SimulationConfig cfg, long equilibration, int temperatureEvery, int frameEvery)
            throws IOException {
        Simulation[] self = new Simulation[1];
        double[] tSum = {0};
        int[] tCount = {0};
        double[][] speeds = {new double[0]};
        int[] used = {0};
        Map<String, List<Double>> byType = new TreeMap<>();
        double kT = Units.K_B * cfg.temperature();
        try (Simulation sim = Simulation.builder().config(cfg).progressIntervalMillis(0).observer(new SimulationObserver() {
            @Override
            public void onProgress(Progress p) {
                long step = p.step();
                if (step <= equilibration) {
                    return;
                }
                if (step % temperatureEvery == 0) {
                    tSum[0] += p.temperature();
                    tCount[0]++;
                }
                if (step % frameEvery == 0) {
                    ParticleState s = self[0].state();
                    ForceField ff = self[0].forceField();
                    if (used[0] + s.n > speeds[0].length) {
                        speeds[0] = Arrays.copyOf(speeds[0], Math.max(2 * speeds[0].length, used[0] + s.n));
                    }
                    for (int i = 0; i < s.n; i++) {
                        double m = ff.mass(s.type[i]);
                        double u = Math.hypot(s.vx[i], s.vy[i]) * Math.sqrt(m / kT);
                        speeds[0][used[0]++] = u;
                        byType.computeIfAbsent(ff.types().get(s.type[i]).name(), k -> new ArrayList<>()).add(u);
                    }
                }
            }
        }).build()) {
            self[0] = sim;
            assertEquals(SimulationConfig.Ensemble.NVT, sim.config().ensemble());
            assertEquals(RunStatus.SUCCEEDED, sim.run().status());
        }
        return new Sampled(tSum[0] / tCount[0], cfg.temperature(), Arrays.copyOf(speeds[0], used[0]), tCount[0], byType);
    }

    static double ksPValue(double[] u) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(RAYLEIGH, u, false);
    }

    /** Chi-square goodness of fit on BINS equiprobable bins of the Rayleigh law. */
    static double chiSquarePValue(double[] u) {
        long[] observed = new long[BINS];
        for (double x : u) {
            int bin = (int) Math.floor(RAYLEIGH.cumulativeProbability(x) * BINS);
            observed[Math.min(bin, BINS - 1)]++;
        }
        double[] expected = new double[BINS];
        Arrays.fill(expected, (double) u.length / BINS);
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    private static double[] scaled(double[] u, double factor) {
        return Arrays.stream(u).map(x -> x * factor).toArray();
    }

    private static void check(String name, Sampled s) {
        double relative = (s.meanTemperature - s.target) / s.target;
        double ks = ksPValue(s.scaledSpeeds);
        double chi = chiSquarePValue(s.scaledSpeeds);
        double ksWrong = ksPValue(scaled(s.scaledSpeeds, 1.1));
        double chiWrong = chiSquarePValue(scaled(s.scaledSpeeds, 1.1));
        System.out.printf("[validation] %s: T_target=%.4g T_mean=%.5g (rel %.3e, %d samples) speeds n=%d KS p=%.4f "
                        + "chi2 p=%.4f | control x1.1: KS p=%.3e chi2 p=%.3e%n",
                name, s.target, s.meanTemperature, relative, s.temperatureSamples, s.scaledSpeeds.length, ks, chi,
                ksWrong, chiWrong);
        assertTrue(Math.abs(relative) < 0.02, name + ": mean kinetic temperature off by " + relative);
        assertTrue(ks > 0.01, name + ": KS rejects the Rayleigh speed law, p = " + ks);
        assertTrue(chi > 0.01, name + ": chi-square rejects the Rayleigh speed law, p = " + chi);
        // every mass separately (Bonferroni: the family of per-type tests at level 0.01)
        double perType = 0.01 / s.byType.size();
        for (Map.Entry<String, List<Double>> e : s.byType.entrySet()) {
            double[] u = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double p = ksPValue(u);
            double meanU2 = Arrays.stream(u).map(x -> x * x).average().orElseThrow();
            System.out.printf("[validation]   %s type %s: n=%d <u^2>/2=%.4f KS p=%.4f%n", name, e.getKey(), u.length, meanU2 / 2, p);
            assertTrue(p > perType, name + ": KS rejects the Rayleigh law for type " + e.getKey() + ", p = " + p);
        }
        assertTrue(ksWrong < 1e-6, name + ": KS fails to reject speeds scaled by 1.1, p = " + ksWrong);
        assertTrue(chiWrong < 1e-6, name + ": chi-square fails to reject speeds scaled by 1.1, p = " + chiWrong);
    }

    /** LJ fluid (reduced units, kT = 1, ρ = 0.7, dt = 0.005 τ), friction 1/τ. */
    @Test
    void ljFluidReachesTargetTemperatureWithMaxwellBoltzmannSpeeds() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "lj-fluid", "particles": 256, "steps": 42000, "seed": 7, "ensemble": "nvt", "friction": 1.0, %s}
                """.formatted(NO_OUTPUT));
        Sampled s = sample(cfg, 2000, 10, 2000);
        check("lj-fluid NVT (256 atoms, dt 0.005, gamma 1)", s);
    }

    /** Molecular mixture (CH4, NH3, H2O, H2; masses 1–16 u), reactions and pulses off, 298 K, 0.5 fs, γ = 5/ps. */
    @Test
    void molecularSystemReachesTargetTemperatureWithMaxwellBoltzmannSpeeds() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": 110000, "seed": 9, "ensemble": "nvt", "friction": 5.0,
                 "reactions": {"enabled": false}, "pulses": {"kind": "none"}, %s}
                """.formatted(NO_OUTPUT));
        Sampled s = sample(cfg, 10000, 10, 2000);
        check("miller-urey NVT (240 atoms, dt 0.5 fs, gamma 5/ps, no reactions)", s);
    }
}
