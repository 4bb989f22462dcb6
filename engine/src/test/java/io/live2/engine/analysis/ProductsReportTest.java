package io.live2.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.analysis.ChemistryAnalysis;
import io.live2.model.io.Snapshot;
import io.live2.model.io.SnapshotJson;
import io.live2.model.io.StepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * products.json, the results.json top line and the report's first section, from hand-built frames in which CH4 and NH3
 * lose a hydrogen each and their fragments join into CH3NH2 (no toolkit here: formulas come from the graphs).
 */
class ProductsReportTest {
    private static final List<ParticleType> TYPES = List.of(
            new ParticleType("C", "C", 12.011, 4, 0.34, 0.36, 1.0),
            new ParticleType("H", "H", 1.008, 1, 0.25, 0.13, 1.0),
            new ParticleType("N", "N", 14.007, 3, 0.32, 0.71, 1.0));
    /** CH4 (0-4), NH3 (5-8). */
    private static final int[] ATOMS = {0, 1, 1, 1, 1, 2, 1, 1, 1};
    private static final int[][] FEED = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {5, 6}, {5, 7}, {5, 8}};
    private static final int[][] RADICALS = {{0, 2}, {0, 3}, {0, 4}, {5, 7}, {5, 8}};
    private static final int[][] METHYLAMINE = {{0, 2}, {0, 3}, {0, 4}, {5, 7}, {5, 8}, {0, 5}, {1, 6}};

    private static Snapshot frame(long step, List<ParticleType> types, int[][] bonds) {
        int n = ATOMS.length;
        ParticleState st = new ParticleState(n, 10, 10);
        for (int i = 0; i < n; i++) {
            st.type[i] = ATOMS[i];
            st.id[i] = i;
            st.x[i] = 1 + 0.1 * i;
            st.y[i] = 1;
        }
        Topology t = new Topology(n);
        for (int[] b : bonds) {
            t.addBond(b[0], b[1], 1);
        }
        return new Snapshot(step, step * 0.00025, types, st, t);
    }

    private static AnalysisResult analyse(List<ParticleType> types, int[][]... frames) {
        ChemistryAnalysis a = new ChemistryAnalysis();
        for (int f = 0; f < frames.length; f++) {
            a.accept(frame(1000L * f, types, frames[f]));
        }
        return RunAnalysis.summarise(a, Optional.empty(), Optional.empty());
    }

    @Test
    void theReportLeadsWithWhatWasMade() {
        String html = HtmlReport.render(analyse(TYPES, FEED, RADICALS, METHYLAMINE), Optional.empty());
        int made = html.indexOf("<h2>What was made</h2>");
        assertTrue(made > 0);
        assertEquals(made, html.indexOf("<h2>"), "the first section");
        assertTrue(html.indexOf("id=\"summary\"") > made, "the existing overview follows it");
        String section = html.substring(made, html.indexOf("</section>"));
        assertTrue(section.contains("1 product has a bond between heavy atoms that started in different feed molecules (CH4, H3N)"), section);
        assertTrue(section.contains("<td>C–N</td><td class=\"num\">1</td><td class=\"num\">1</td>"), section);
        assertTrue(section.contains("Largest molecule: <b>CH5N</b>, 2 heavy atoms, 7 atoms, first seen at 0.50 ps (step 2000)"), section);
        // ranked by heavy atoms: CH5N first, the radicals after it, H and H2 last
        int ch5n = section.indexOf("<td>CH5N</td>");
        int ch3 = section.indexOf("<td>CH3</td>");
        int h2 = section.indexOf("<td>H2</td>");
        assertTrue(ch5n > 0 && ch5n < ch3 && ch3 < h2, section);
        assertTrue(section.contains("CH4 → CH3 + H</li>"), section);
        assertTrue(section.contains("CH3 + H2N → CH5N</li>"), section);
    }

    @Test
    void aRunThatMadeNothingCrossFeedSaysSo() {
        String html = HtmlReport.render(analyse(TYPES, FEED, RADICALS), Optional.empty());
        assertTrue(html.contains("Nothing cross-feed was made: no product has a bond between heavy atoms that started in"
                + " different feed molecules (CH4, H3N). 3 species not in the feed appeared."), html);
        assertFalse(html.contains("id=\"new-bonds\""), "no bond table without new bonds");
    }

    @Test
    void kindNamesAreEscaped() {
        List<ParticleType> odd = List.of(new ParticleType("<b>&", null, 12, 4, 0.3, 0.3, 1),
                TYPES.get(1), new ParticleType("K\"2'", null, 14, 3, 0.3, 0.3, 1));
        String html = HtmlReport.render(analyse(odd, FEED, RADICALS, METHYLAMINE), Optional.empty());
        String section = html.substring(html.indexOf("<section id=\"made\">"), html.indexOf("</section>"));
        assertFalse(section.contains("<b>&"), section);
        assertFalse(section.contains("K\"2"), section);
        assertTrue(section.contains("&lt;b&gt;&amp;"), section);
    }

    @Test
    void productsJsonAndTheResultsFields(@TempDir Path run) throws IOException {
        Path snapshots = Files.createDirectories(run.resolve("snapshots"));
        int[][][] frames = {FEED, RADICALS, METHYLAMINE};
        for (int f = 0; f < frames.length; f++) {
            SnapshotJson.write(frame(1000L * f, TYPES, frames[f]), snapshots.resolve(StepFiles.snapshotName(1000L * f)));
        }
        RunAnalysis.Summary s = RunAnalysis.analyze(run);
        JsonNode p = new ObjectMapper().readTree(run.resolve("results/products.json").toFile());
        assertEquals(3, p.get("frames").asInt());
        assertEquals(List.of("CH4", "H3N"), p.get("feed_species").findValuesAsText("formula"));
        assertEquals(5, p.get("products_total").asInt());
        assertEquals(1, p.get("products_cross_feed").asInt());
        assertEquals("{\"C-N\":1}", p.get("new_heavy_atom_bonds").toString());
        assertEquals("{\"C-N\":1}", p.get("new_heavy_atom_bonds_final").toString());
        JsonNode largest = p.get("largest_molecule");
        assertEquals("CH5N", largest.get("formula").asText());
        assertEquals(2, largest.get("heavy_atoms").asInt());
        assertEquals(0.5, largest.get("first_time_ps").asDouble(), 1e-12);
        assertFalse(largest.get("feed").asBoolean());
        JsonNode first = p.get("products").get(0);
        assertEquals(1, first.get("rank").asInt());
        assertEquals("CH5N", first.get("formula").asText());
        assertTrue(first.get("smiles").isNull(), "no toolkit on this class path");
        assertEquals("[\"C-N\"]", first.get("cross_feed_pairs").toString());
        assertEquals(2000, first.get("first_step").asLong());
        JsonNode path = first.get("pathway");
        assertEquals(3, path.size());
        assertEquals("CH3 + H2N -> CH5N", path.get(2).get("equation").asText());
        assertEquals(0.5, path.get(2).get("time_ps").asDouble(), 1e-12);
        assertTrue(path.get(2).get("reaction").asText().matches("R\\d+"));
        assertFalse(first.get("pathway_truncated").asBoolean());

        Map<String, Object> results = new LinkedHashMap<>();
        s.addTo(results);
        assertEquals(5, results.get("products"));
        assertEquals(1, results.get("products_cross_feed"));
        assertEquals(Map.of("C-N", 1), results.get("new_heavy_atom_bonds"));
        assertEquals("CH5N", results.get("largest_molecule_formula"));
        assertEquals(2, results.get("largest_molecule_heavy_atoms"));
        assertEquals(0.5, (double) results.get("largest_molecule_time_ps"), 1e-12);
        assertEquals(false, results.get("largest_molecule_feed"));
    }
}
