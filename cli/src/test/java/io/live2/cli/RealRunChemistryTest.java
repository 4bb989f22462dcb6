package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.analysis.ChemistryAnalysis;
import io.live2.model.analysis.SpeciesCatalogue;
import io.live2.model.io.FrameLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chemistry of a real reactive Miller–Urey run: species beyond the four inputs appear, every reported reaction
 * conserves element counts, and the SDF we write is read back by CDK with the formulas molecules.json states.
 */
class RealRunChemistryTest {
    @TempDir
    static Path tmp;
    private static Path run;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void reactiveRun() throws IOException {
        run = tmp.resolve("mu");
        Path config = tmp.resolve("mu.json");
        Files.writeString(config, """
                {"preset": "miller-urey", "particles": 400, "steps": 8000, "seed": 17,
                 "pulses": {"interval": 200},
                 "output": {"snapshot_every": 250, "checkpoint_every": 0, "trajectory_every": 0}}
                """);
        CliHarness.Outcome o = CliHarness.run("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void speciesBeyondTheInputsAppear() throws IOException {
        JsonNode molecules = JSON.readTree(run.resolve("results/molecules.json").toFile());
        assertTrue(molecules.get("species").size() > 4, "more species than CH4, NH3, H2O, H2");
        assertTrue(molecules.get("novel_species").asInt() > 0);
        for (JsonNode s : molecules.get("species")) {
            assertNotNull(s.get("smiles").textValue(), "every real-element species has a SMILES: " + s);
        }
    }

    @Test
    void everyReactionConservesElements() throws IOException {
        Map<String, Map<String, Integer>> elementsOf = speciesElements();
        JsonNode reactions = JSON.readTree(run.resolve("results/reactions.json").toFile());
        assertTrue(reactions.get("reactions").size() > 0, "the run must react for this test to mean anything");
        for (JsonNode r : reactions.get("reactions")) {
            assertEquals(count(r.get("reactants"), elementsOf), count(r.get("products"), elementsOf),
                    "element balance of " + r.get("id") + " " + r.get("equation"));
        }
    }

    @Test
    void sdfReadsBackWithTheSameFormulas() throws IOException {
        JsonNode molecules = JSON.readTree(run.resolve("results/molecules.json").toFile());
        Map<String, String> formulaOf = new HashMap<>();
        molecules.get("species").forEach(s -> formulaOf.put(s.get("key").asText(), s.get("formula").asText()));
        int read = 0;
        try (Reader r = Files.newBufferedReader(run.resolve("results/molecules.sdf"));
             IteratingSDFReader sdf = new IteratingSDFReader(r, SilentChemObjectBuilder.getInstance())) {
            while (sdf.hasNext()) {
                IAtomContainer mol = sdf.next();
                String key = mol.getProperty("key");
                String formula = MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(mol));
                assertEquals(formulaOf.get(key), formula, "formula of " + key);
                read++;
            }
        }
        assertEquals(formulaOf.size(), read, "one structure per species");
    }

    /** Element counts of each species, from the snapshots' own labelled graphs (independent of any formula string). */
    private static Map<String, Map<String, Integer>> speciesElements() throws IOException {
        ChemistryAnalysis analysis = new ChemistryAnalysis();
        FrameLog.read(run.resolve("snapshots"), analysis::accept);
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (SpeciesCatalogue.SpeciesRecord s : analysis.catalogue().species()) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String label : s.representative().labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            out.put(s.key(), counts);
        }
        return out;
    }

    private static Map<String, Integer> count(JsonNode side, Map<String, Map<String, Integer>> elementsOf) {
        Map<String, Integer> total = new TreeMap<>();
        for (JsonNode term : side) {
            Map<String, Integer> e = elementsOf.get(term.get("species").asText());
            assertNotNull(e, "unknown species " + term);
            e.forEach((el, n) -> total.merge(el, n * term.get("count").asInt(), Integer::sum));
        }
        return total;
    }
}
