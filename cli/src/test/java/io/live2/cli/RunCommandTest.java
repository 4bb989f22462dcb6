package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live run, resume and presets end to end, in-process. */
class RunCommandTest {
    private static final List<String> FIXED_FIELDS = List.of("steps", "simulated_time_ps", "wall_seconds", "steps_per_second",
            "atom_steps_per_second", "energy_initial", "energy_final", "energy_drift_relative", "mean_temperature",
            "elements_initial", "elements_final", "bonds_formed", "bonds_broken", "energy_injected");

    @Test
    void runWritesTheRunDirectoryAndResumeContinuesIt(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("mu");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "miller-urey", "--particles", "120", "--steps", "400",
                "--seed", "4", "--snapshot-every", "200", "--checkpoint-every", "200", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("run directory: " + dir), o.out());
        assertTrue(o.out().startsWith("made "), "the summary leads with what was made: " + o.out());
        for (String f : List.of("metadata.json", "results/results.json", "snapshots/snapshot_000000000.json",
                "snapshots/snapshot_000000200.json", "snapshots/snapshot_000000400.json", "trajectory.xyz",
                "checkpoints/checkpoint_00000000400.bin", "logs/simulation.log")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results/results.json").toFile());
        for (String field : FIXED_FIELDS) {
            assertTrue(results.has(field), "results.json lacks " + field);
        }
        assertEquals(400, results.get("steps").asLong());
        assertEquals(results.get("elements_initial"), results.get("elements_final"), "element counts are conserved");
        for (String field : List.of("products", "products_cross_feed", "new_heavy_atom_bonds", "largest_molecule_formula",
                "largest_molecule_heavy_atoms", "largest_molecule_time_ps")) {
            assertTrue(results.has(field), "results.json lacks " + field);
        }
        assertTrue(Files.exists(dir.resolve("results/products.json")));

        CliHarness.Outcome again = CliHarness.run("run", "--preset", "miller-urey", "--particles", "120", "--steps", "400",
                "--out", dir.toString());
        assertEquals(2, again.exitCode(), "refuses to overwrite a run");

        CliHarness.Outcome resumed = CliHarness.run("resume", dir.toString(), "--steps", "600");
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode after = new ObjectMapper().readTree(dir.resolve("results/results.json").toFile());
        assertEquals(600, after.get("steps").asLong());
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("metadata.json").toFile());
        assertEquals(2, meta.get("segments").size(), "metadata keeps one segment per invocation");
        assertEquals("succeeded", meta.get("status").asText());
    }

    @Test
    void presetsListsEveryPreset() {
        CliHarness.Outcome o = CliHarness.run("presets");
        assertEquals(0, o.exitCode());
        for (String name : List.of("miller-urey", "hydrothermal", "formamide", "open-chemistry", "lj-fluid")) {
            assertTrue(o.out().contains(name), name);
        }
    }
}
