package io.live2.engine;

import io.live2.model.Units;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.StepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * thermo.csv: its header and rows, the columns' consistency, the same bytes with 1 and 2 threads and after a
 * resume (also after a hard kill between checkpoints), and results.json's second-half averages.
 */
class ThermoLogTest {
    private static final long STEPS = 1500;

    /** The reactive, pulse-driven system of DeterminismTest, with a thermo row every 50 steps. */
    private static SimulationConfig reactive(int threads, long steps) {
        return ConfigLoader.fromJson("""
                {"preset": "miller-urey", "particles": 240, "steps": %d, "seed": 11, "threads": %d,
                 "pulses": {"interval": 100, "energy": 2000},
                 "output": {"snapshot_every": 500, "checkpoint_every": 500, "trajectory_every": 0, "thermo_every": 50}}
                """.formatted(steps, threads));
    }

    private static RunResult run(SimulationConfig cfg, Path dir) throws IOException {
        try (Simulation sim = Simulation.builder().config(cfg).runDirectory(dir).build()) {
            return sim.run();
        }
    }

    private static List<String[]> rows(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("thermo.csv"), StandardCharsets.UTF_8);
        assertEquals(ThermoLog.HEADER, lines.get(0));
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.split(","));
        }
        return out;
    }

    @Test
    void headerRowsAndConsistentColumns(@TempDir Path tmp) throws IOException {
        for (String ensemble : List.of("nve", "nvt")) {
            Path dir = tmp.resolve(ensemble);
            SimulationConfig cfg = ConfigLoader.fromJson("""
                    {"preset": "lj-fluid", "particles": 100, "steps": 1000, "seed": 3, "ensemble": "%s", "friction": 1.0,
                     "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0}}
                    """.formatted(ensemble));
            assertEquals(100, cfg.output().thermoEvery(), "the preset's default");
            RunResult r = run(cfg, dir);
            List<String[]> rows = rows(dir);
            assertEquals(11, rows.size(), "steps 0, 100, ..., 1000");
            int dof = ensemble.equals("nvt") ? 2 * 100 : 2 * 100 - 2;
            for (int i = 0; i < rows.size(); i++) {
                String[] f = rows.get(i);
                assertEquals(9, f.length);
                assertEquals(100L * i, Long.parseLong(f[0]));
                assertEquals(100L * i * cfg.timestep(), Double.parseDouble(f[1]), 1e-9);
                double t = Double.parseDouble(f[2]);
                double k = Double.parseDouble(f[3]);
                double u = Double.parseDouble(f[4]);
                double e = Double.parseDouble(f[5]);
                assertEquals(k + u, e, 1e-8 * (Math.abs(k) + Math.abs(u)), "total = kinetic + potential");
                assertEquals(2 * k / (dof * Units.K_B), t, 1e-8 * t, "temperature from the kinetic energy");
                assertTrue(Double.isFinite(Double.parseDouble(f[6])));
                assertEquals(0, Integer.parseInt(f[7]), "lj-fluid has no bonds");
                assertEquals(100, Integer.parseInt(f[8]), "each atom is a molecule");
            }
            String[] last = rows.get(rows.size() - 1);
            assertEquals(r.number("pressure_final"), Double.parseDouble(last[6]), 1e-8 * Math.abs(r.number("pressure_final")));
            assertEquals(r.number("potential_energy_final"), Double.parseDouble(last[4]),
                    1e-8 * Math.abs(r.number("potential_energy_final")));
            // the averages are over the rows with step > 500: 600..1000
            assertEquals(5, ((Number) r.summary().get("thermo_rows_averaged")).intValue());
            double peMean = 0;
            double pMean = 0;
            for (String[] f : rows.subList(6, 11)) {
                peMean += Double.parseDouble(f[4]) / 100 / 5;
                pMean += Double.parseDouble(f[6]) / 5;
            }
            assertEquals(peMean, r.number("potential_energy_per_atom_mean"), 1e-12 * Math.abs(peMean));
            assertEquals(pMean, r.number("pressure_mean"), 1e-12 * Math.abs(pMean));
            assertTrue(r.number("potential_energy_per_atom_sem") > 0);
            assertTrue(r.number("pressure_sem") > 0);
        }
    }

    @Test
    void thermoEveryZeroWritesNoFile(@TempDir Path tmp) throws IOException {
        SimulationConfig cfg = ConfigLoader.fromJson("""
                {"preset": "lj-fluid", "particles": 100, "steps": 200, "seed": 3,
                 "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0, "thermo_every": 0}}
                """);
        RunResult r = run(cfg, tmp);
        assertFalse(Files.exists(tmp.resolve("thermo.csv")));
        assertFalse(r.summary().containsKey("pressure_mean"));
    }

    @Test
    void oneAndTwoThreadsWriteTheSameBytes(@TempDir Path tmp) throws IOException {
        run(reactive(1, 600), tmp.resolve("one"));
        run(reactive(2, 600), tmp.resolve("two"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one/thermo.csv")), Files.readAllBytes(tmp.resolve("two/thermo.csv")));
    }

    @Test
    void resumeGivesTheUninterruptedBytesAndAverages(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        RunResult straight = run(reactive(1, STEPS), whole);
        assertTrue(straight.number("bonds_formed") + straight.number("bonds_broken") > 0, "reactions must have happened");
        assertTrue(rows(whole).stream().map(f -> f[7]).distinct().count() > 1, "the bond column must change");

        // stopped at STEPS / 2 (its own second half differs), then resumed to STEPS
        Path half = tmp.resolve("half");
        run(reactive(1, STEPS / 2), half);
        RunResult resumed;
        try (Simulation sim = Simulation.resume(half, STEPS, List.of())) {
            resumed = sim.run();
        }
        // killed after step 1200 without its checkpoint: the rows 1250..1200 written past checkpoint 1000 are cut
        Path killed = tmp.resolve("killed");
        run(reactive(1, 1200), killed);
        Files.delete(killed.resolve("checkpoints").resolve(StepFiles.checkpointName(1200)));
        String torn = "1300,0.6,";
        Files.writeString(killed.resolve("thermo.csv"), torn, java.nio.file.StandardOpenOption.APPEND);
        RunResult afterKill;
        try (Simulation sim = Simulation.resume(killed, STEPS, List.of())) {
            assertEquals(1000, sim.step());
            afterKill = sim.run();
        }
        byte[] expected = Files.readAllBytes(whole.resolve("thermo.csv"));
        assertEquals(STEPS / 50 + 2, Files.readAllLines(whole.resolve("thermo.csv")).size());
        for (Path p : List.of(half, killed)) {
            assertArrayEquals(expected, Files.readAllBytes(p.resolve("thermo.csv")), p.toString());
        }
        for (RunResult r : List.of(resumed, afterKill)) {
            for (String field : List.of("thermo_rows_averaged", "potential_energy_per_atom_mean",
                    "potential_energy_per_atom_sem", "pressure_mean", "pressure_sem")) {
                assertNotNull(straight.summary().get(field), field);
                assertEquals(straight.summary().get(field), r.summary().get(field), field);
            }
        }
    }
}
