package io.live2.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary's first line, "made ...", from the results.json fields of the chemistry analysis. */
class SummaryMadeLineTest {
    private static Map<String, Object> fields(int cross, Map<String, Integer> bonds, String formula, int heavy, double ps, boolean feed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("products_cross_feed", cross);
        m.put("new_heavy_atom_bonds", new TreeMap<>(bonds));
        m.put("largest_molecule_formula", formula);
        m.put("largest_molecule_heavy_atoms", heavy);
        m.put("largest_molecule_time_ps", ps);
        m.put("largest_molecule_feed", feed);
        return m;
    }

    @Test
    void leadsWithProductsNewBondsAndTheLargestMolecule() {
        assertEquals(Optional.of("made 12 products with new heavy-atom bonds (new bonds: C-C 4, C-N 2, C-O 6); largest C2H6"
                        + " (2 heavy atoms) at 31.25 ps"),
                Summary.made(fields(12, Map.of("C-O", 6, "C-C", 4, "C-N", 2), "C2H6", 2, 31.25, false)));
        assertEquals(Optional.of("made 1 product with new heavy-atom bonds (new bonds: C-N 1); largest CH5N (2 heavy atoms) at 0.50 ps"),
                Summary.made(fields(1, Map.of("C-N", 1), "CH5N", 2, 0.5, false)));
    }

    @Test
    void saysPlainlyWhenNothingWasMade() {
        assertEquals(Optional.of("made no product with new heavy-atom bonds; largest CH4 (1 heavy atom, in the feed)"),
                Summary.made(fields(0, Map.of(), "CH4", 1, 0, true)));
        assertEquals(Optional.of("made no product with new heavy-atom bonds (new bonds: C-N 2, only in feed species); largest CHN"
                        + " (2 heavy atoms, in the feed)"),
                Summary.made(fields(0, Map.of("C-N", 2), "CHN", 2, 0, true)));
    }

    @Test
    void noLineWithoutAnAnalysis() {
        assertEquals(Optional.empty(), Summary.made(Map.of("steps", 10)));
    }
}
