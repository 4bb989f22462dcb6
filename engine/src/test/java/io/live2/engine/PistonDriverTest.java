package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nanoreactor piston (issue 15): the wall force is minus the gradient of the wall energy, NVE conserves energy
 * once the wall's work is accounted, runs are deterministic across thread counts and resume, the presets run, and
 * the system really is compressed and released. Measured values: docs/validation.md "Nanoreactor piston".
 */
class PistonDriverTest {
    private static final String NO_OUTPUT = "\"output\": {\"snapshot_every\": 0, \"checkpoint_every\": 0, \"trajectory_every\": 0}";
    /** NVE residual bound, relative to |E_initial|: measured value × ~5, see docs/validation.md. */
    private static final double NVE_RESIDUAL_BOUND = 2e-3;

    private static Simulation build(SimulationConfig cfg) throws IOException {
        return Simulation.builder().config(cfg).build();
    }

    @Test
    void wallForceIsMinusTheGradientOfTheWallEnergy() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 400, "steps": 0, "seed": 5,
                 "driver": {"period_ps": 2, "min_fraction": 0.3}, %s}""".formatted(NO_OUTPUT));
        try (Simulation sim = build(cfg)) {
            ParticleState s = sim.state();
            ForceField ff = sim.forceField();
            PistonDriver d = new PistonDriver(cfg.driver());
            d.start(1.0, s); // half a period: the smallest radius, most atoms outside
            assertEquals(0.3 * PistonDriver.maxRadius(s), d.radius(), 1e-12);
            double h = 1e-6;
            int outside = 0;
            double worst = 0;
            for (int i = 0; i < s.n; i++) {
                double m = ff.mass(s.type[i]);
                double fx = d.forceX(i, m);
                double fy = d.forceY(i, m);
                if (fx != 0 || fy != 0) {
                    outside++;
                }
                double x0 = s.x[i];
                s.x[i] = x0 + h;
                double up = PistonDriver.energy(s, ff, d.radius());
                s.x[i] = x0 - h;
                double down = PistonDriver.energy(s, ff, d.radius());
                s.x[i] = x0;
                double y0 = s.y[i];
                s.y[i] = y0 + h;
                double upY = PistonDriver.energy(s, ff, d.radius());
                s.y[i] = y0 - h;
                double downY = PistonDriver.energy(s, ff, d.radius());
                s.y[i] = y0;
                double gx = -(up - down) / (2 * h);
                double gy = -(upY - downY) / (2 * h);
                double scale = Math.max(1.0, Math.hypot(fx, fy));
                worst = Math.max(worst, Math.hypot(fx - gx, fy - gy) / scale);
            }
            System.out.printf("[validation] piston force vs -dU/dx: atoms outside %d of %d, worst relative error %.3e%n",
                    outside, s.n, worst);
            assertTrue(outside > s.n / 2, "most atoms must feel the compressed wall: " + outside);
            assertTrue(worst < 1e-5, "finite-difference gradient mismatch " + worst);
        }
    }

    @Test
    void workOfTheMovingWallIsTheChangeOfItsEnergyWithAtomsHeldStill() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 300, "steps": 0, "seed": 5, %s}""".formatted(NO_OUTPUT));
        try (Simulation sim = build(cfg)) {
            ParticleState s = sim.state();
            ForceField ff = sim.forceField();
            PistonDriver d = new PistonDriver(cfg.driver());
            d.start(3.0, s);
            double before = d.energy(s, ff);
            double w = d.moveTo(4.0, s, ff);
            assertEquals(d.energy(s, ff) - before, w, 1e-9 * Math.max(1, Math.abs(w)));
            assertTrue(w > 0, "compressing does positive work on atoms outside the wall: " + w);
        }
    }

    /**
     * NVE (no thermostat, no pulses) with reactions on and the wall doing two full cycles: E − work is conserved.
     * Also: the work is far larger than the residual, so the test would fail without the ledger's driver term.
     */
    @Test
    void nveConservesEnergyOnceTheWallsWorkIsAccounted() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 400, "steps": 4000, "seed": 7, "ensemble": "nve",
                 "temperature": 1000, "pulses": {"kind": "none"}, "driver": {"period_ps": 2.0}, %s}""".formatted(NO_OUTPUT));
        double[] maxDev = {0};
        Simulation[] self = new Simulation[1];
        double[] e0 = new double[1];
        try (Simulation sim = Simulation.builder().config(cfg).progressIntervalMillis(0).observer(new SimulationObserver() {
            @Override
            public void onProgress(Progress p) {
                maxDev[0] = Math.max(maxDev[0], Math.abs(self[0].ledger().energyResidual(p.totalEnergy())));
            }
        }).build()) {
            self[0] = sim;
            e0[0] = sim.totalEnergy();
            RunResult r = sim.run();
            assertEquals(RunStatus.SUCCEEDED, r.status());
            double work = r.number("energy_driver_work");
            double residual = r.number("energy_residual");
            double rel = Math.abs(residual) / Math.abs(e0[0]);
            double maxRel = maxDev[0] / Math.abs(e0[0]);
            // the largest work done at any moment is at half a period; the net over whole cycles is what is left
            System.out.printf("[validation] piston NVE: atoms=%d steps=%d E0=%.6g Efinal=%.6g driver_work=%.6g"
                            + " residual=%.4g residual_rel=%.3e max_residual_rel=%.3e bonds_formed=%.0f bonds_broken=%.0f"
                            + " steps_split=%.0f%n", (int) r.number("atoms"), r.steps(), e0[0], r.number("energy_final"),
                    work, residual, rel, maxRel, r.number("bonds_formed"), r.number("bonds_broken"), r.number("steps_split"));
            assertTrue(rel < NVE_RESIDUAL_BOUND, "residual " + rel);
            assertTrue(maxRel < NVE_RESIDUAL_BOUND, "largest residual along the run " + maxRel);
        }
    }

    /** At half a period the work done so far is large: E alone is far from conserved, E − W is. */
    @Test
    void atFullCompressionTheWorkDominatesTheResidual() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 400, "steps": 1000, "seed": 7, "ensemble": "nve",
                 "temperature": 1000, "pulses": {"kind": "none"}, "driver": {"period_ps": 1.0}, %s}""".formatted(NO_OUTPUT));
        try (Simulation sim = build(cfg)) {
            RunResult r = sim.run();
            double work = r.number("energy_driver_work");
            double residual = r.number("energy_residual");
            System.out.printf("[validation] piston NVE at half period: driver_work=%.6g residual=%.4g%n", work, residual);
            assertTrue(Math.abs(work) > 20 * Math.abs(residual), "work " + work + " vs residual " + residual);
        }
    }

    private static SimulationConfig detConfig(int threads, long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 240, "steps": %d, "seed": 11, "threads": %d,
                 "pulses": {"interval": 100}, "driver": {"period_ps": 0.5},
                 "output": {"snapshot_every": 500, "checkpoint_every": 500, "trajectory_every": 250}}
                """.formatted(steps, threads));
    }

    private static RunResult run(SimulationConfig cfg, Path dir) throws IOException {
        try (Simulation sim = Simulation.builder().config(cfg).runDirectory(dir).build()) {
            return sim.run();
        }
    }

    private static byte[] finalSnapshot(Path dir, long step) throws IOException {
        return Files.readAllBytes(dir.resolve(String.format("snapshots/snapshot_%09d.json", step)));
    }

    @Test
    void oneAndTwoThreadsAndAResumeGiveIdenticalBytes(@TempDir Path tmp) throws IOException {
        long steps = 1500;
        RunResult one = run(detConfig(1, steps), tmp.resolve("one"));
        RunResult two = run(detConfig(2, steps), tmp.resolve("two"));
        assertTrue(one.number("energy_driver_work") != 0, "the wall must have done work");
        assertArrayEquals(finalSnapshot(tmp.resolve("one"), steps), finalSnapshot(tmp.resolve("two"), steps));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one/trajectory.xyz")), Files.readAllBytes(tmp.resolve("two/trajectory.xyz")));
        assertEquals(one.summary().get("energy_driver_work"), two.summary().get("energy_driver_work"));

        Path part = tmp.resolve("part");
        run(detConfig(1, 700), part);
        RunResult resumed;
        try (Simulation sim = Simulation.resume(part, steps, List.of())) {
            assertEquals(700, sim.step());
            resumed = sim.run();
        }
        assertArrayEquals(finalSnapshot(tmp.resolve("one"), steps), finalSnapshot(part, steps));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one/trajectory.xyz")), Files.readAllBytes(part.resolve("trajectory.xyz")));
        for (String field : List.of("bonds_formed", "bonds_broken", "energy_injected", "energy_initial", "energy_final",
                "mean_temperature", "energy_bath_heat", "energy_driver_work", "energy_residual", "steps_split")) {
            assertEquals(one.summary().get(field), resumed.summary().get(field), field);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"miller-urey-nanoreactor", "formamide-nanoreactor"})
    void presetsRunAFewHundredSteps(String preset, @TempDir Path tmp) throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "%s", "particles": 300, "steps": 400}""".formatted(preset));
        RunResult r = run(cfg, tmp.resolve(preset));
        assertEquals(RunStatus.SUCCEEDED, r.status());
        assertTrue(Double.isFinite(r.number("energy_final")));
        assertTrue(Double.isFinite(r.number("energy_driver_work")));
        assertTrue(RunChecks.violations(rebuilt(tmp.resolve(preset)), 0.05).isEmpty());
    }

    private static Simulation rebuilt(Path dir) throws IOException {
        return Simulation.resume(dir, null, List.of());
    }

    /**
     * The wall squeezes the atoms toward the centre during compression and lets them out again. The release is slower
     * than the squeeze (the Langevin bath, γ = 5/ps, makes the expansion diffusive), so it is judged by the outermost
     * atoms passing the smallest wall radius again.
     */
    @Test
    void theSystemIsCompressedAndReleased() throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "miller-urey-nanoreactor", "particles": 400, "steps": 4000, "seed": 3, "timestep": 0.0005,
                 "driver": {"period_ps": 2.0, "min_fraction": 0.5},
                 "output": {"snapshot_every": 500, "checkpoint_every": 0, "trajectory_every": 0}}""");
        List<double[]> radii = new ArrayList<>();
        try (Simulation sim = Simulation.builder().config(cfg).observer(new SimulationObserver() {
            @Override
            public void onSnapshot(Snapshot snap) {
                radii.add(new double[] {snap.step(), PistonDriver.meanRadius(snap.state()), maxRadius(snap.state())});
            }
        }).build()) {
            double r0 = PistonDriver.meanRadius(sim.state());
            double wallMin = 0.5 * PistonDriver.maxRadius(sim.state());
            sim.run();
            double[] mid = radii.stream().filter(a -> a[0] == 2000).findFirst().orElseThrow();
            double maxEnd = maxRadius(sim.state());
            StringBuilder trace = new StringBuilder();
            radii.forEach(a -> trace.append(String.format(" %d:%.3f/%.3f", (long) a[0], a[1], a[2])));
            System.out.printf("[validation] piston radius (nm): start mean %.3f; smallest wall %.3f; half period mean %.3f"
                    + " max %.3f; end mean %.3f max %.3f; trace (mean/max)%s%n", r0, wallMin, mid[1], mid[2],
                    PistonDriver.meanRadius(sim.state()), maxEnd, trace);
            assertTrue(mid[1] < 0.8 * r0, "compressed: mean radius " + mid[1] + " vs " + r0);
            assertTrue(mid[2] < wallMin + 0.4, "confined: outermost atom at " + mid[2] + ", wall at " + wallMin);
            assertTrue(maxEnd > 1.3 * wallMin, "released: outermost atom at " + maxEnd);
        }
    }

    private static double maxRadius(ParticleState s) {
        double max = 0;
        for (int i = 0; i < s.n; i++) {
            max = Math.max(max, Math.hypot(s.x[i] - 0.5 * s.boxX(), s.y[i] - 0.5 * s.boxY()));
        }
        return max;
    }
}
