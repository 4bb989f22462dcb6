package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.analysis.ChemistryAnalysis;
import io.live2.model.analysis.SpeciesCatalogue;
import io.live2.model.io.FrameLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chemistry of a real reactive Miller–Urey run: species beyond the four inputs appear, every reported reaction
 * conserves element counts, the SDF we write is read back by CDK with the formulas molecules.json states, and every
 * product of products.json is cross-checked by formula and SMILES through CDK.
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

    /**
     * Every product of products.json cross-checked through CDK: its SMILES, read back by CDK's parser, has the formula
     * and heavy-atom count the file states and the element counts of the species' own graph, and a bond for each of
     * its cross-feed element pairs; no product holds more of an element than the system has.
     */
    @Test
    void productsAreCrossCheckedByFormulaAndSmiles() throws Exception {
        Map<String, Map<String, Integer>> elementsOf = speciesElements();
        JsonNode products = JSON.readTree(run.resolve("results/products.json").toFile());
        JsonNode results = JSON.readTree(run.resolve("results/results.json").toFile());
        assertTrue(products.get("products_total").asInt() > 0, "the run must make something for this test to mean anything");
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        int crossFeed = 0;
        for (JsonNode p : products.get("products")) {
            String key = p.get("key").asText();
            IAtomContainer mol = parser.parseSmiles(p.get("smiles").asText());
            assertEquals(p.get("formula").asText(),
                    MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(mol)), "formula of " + key);
            AtomContainerManipulator.convertImplicitToExplicitHydrogens(mol);
            Map<String, Integer> fromSmiles = new TreeMap<>();
            for (IAtom a : mol.atoms()) {
                fromSmiles.merge(a.getSymbol(), 1, Integer::sum);
            }
            assertEquals(elementsOf.get(key), fromSmiles, "elements of " + key);
            assertEquals(p.get("heavy_atoms").asInt(), mol.getAtomCount() - fromSmiles.getOrDefault("H", 0), "heavy atoms of " + key);
            fromSmiles.forEach((el, n) -> assertTrue(n <= results.get("elements_final").get(el).asInt(), key + " has more " + el));
            Set<String> bondPairs = new TreeSet<>();
            for (IBond b : mol.bonds()) {
                String x = b.getBegin().getSymbol();
                String y = b.getEnd().getSymbol();
                bondPairs.add(x.compareTo(y) <= 0 ? x + "-" + y : y + "-" + x);
            }
            for (JsonNode pair : p.get("cross_feed_pairs")) {
                assertTrue(bondPairs.contains(pair.asText()), key + " (" + p.get("smiles").asText() + ") has no " + pair + " bond");
            }
            crossFeed += p.get("cross_feed_pairs").isEmpty() ? 0 : 1;
            assertTrue(p.get("pathway").size() > 0, "a pathway to " + key);
        }
        assertEquals(products.get("products_cross_feed").asInt(), crossFeed);
        assertEquals(crossFeed, results.get("products_cross_feed").asInt());
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
