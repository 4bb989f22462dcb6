package io.live2.model.analysis;

import io.live2.model.analysis.ProductTracker.PathStep;
import io.live2.model.analysis.ProductTracker.Product;
import io.live2.model.analysis.ProductTracker.Report;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built frame sequences: origins, cross-feed bonds, new-bond counts, the largest molecule and pathways. */
class ProductTrackerTest {
    private static final int C = 0;
    private static final int H = 1;
    private static final int O = 2;
    private static final int N = 3;

    private static Snapshot frame(long step, int[] types, int[][] bonds) {
        int n = types.length;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return Graphs.snapshot(step, types, ids, new double[n], new double[n], 10, bonds);
    }

    private static Map<String, Product> byFormula(Report r) {
        Map<String, Product> out = new HashMap<>();
        for (Product p : r.products()) {
            out.put(formulaOfKey(p.key()), p);
        }
        return out;
    }

    /** The canonical key starts with the Hill formula. */
    private static String formulaOfKey(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** CH4 (atoms 0–4) and NH3 (atoms 5–8). */
    private static final int[] CH4_NH3 = {C, H, H, H, H, N, H, H, H};

    @Test
    void methylPlusAminoMakesMethylamineWithACrossFeedCnBondAndItsPathway() {
        ChemistryAnalysis a = new ChemistryAnalysis();
        a.accept(frame(0, CH4_NH3, new int[][] {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 6, 1}, {5, 7, 1}, {5, 8, 1}}));
        // both lose a hydrogen
        a.accept(frame(10, CH4_NH3, new int[][] {{0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 7, 1}, {5, 8, 1}}));
        // CH3 + NH2 -> CH3NH2, H + H -> H2
        a.accept(frame(20, CH4_NH3, new int[][] {{0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 7, 1}, {5, 8, 1}, {0, 5, 1}, {1, 6, 1}}));
        Report r = a.products();

        assertEquals(Map.of("C-N", 1), r.newHeavyAtomBonds());
        assertEquals(Map.of("C-N", 1), r.newHeavyAtomBondsFinal());
        assertEquals(2, r.feedSpecies().size(), "CH4 and NH3");
        Map<String, Product> p = byFormula(r);
        assertEquals(List.of("CH5N", "CH3", "H2N", "H", "H2"), r.products().stream().map(x -> formulaOfKey(x.key())).toList(),
                "ranked by heavy atoms, then first step, then key");
        Product methylamine = p.get("CH5N");
        assertEquals(2, methylamine.heavyAtoms());
        assertEquals(7, methylamine.atoms());
        assertEquals(List.of("C-N"), methylamine.crossFeedPairs());
        assertEquals(20, methylamine.firstStep());
        assertEquals(0.020, methylamine.firstTimePs(), 1e-12);
        assertEquals(1, methylamine.abundancePeak());
        assertEquals(1, r.crossFeedProducts());
        assertFalse(p.get("H2").crossFeed(), "an H-H bond is not a heavy-atom bond");

        // pathway: CH4 -> CH3 + H and NH3 -> H + NH2 at step 10 (atom-id order), then CH3 + NH2 -> CH5N at 20
        List<PathStep> path = methylamine.pathway();
        assertEquals(3, path.size(), path.toString());
        assertEquals(List.of(10L, 10L, 20L), path.stream().map(PathStep::step).toList());
        assertEquals(List.of("CH4"), formulas(path.get(0).reactants()));
        assertEquals(List.of("CH3", "H"), formulas(path.get(0).products()));
        assertEquals(List.of("H3N"), formulas(path.get(1).reactants()));
        assertEquals(List.of("CH3", "H2N"), formulas(path.get(2).reactants()));
        assertEquals(List.of("CH5N"), formulas(path.get(2).products()));
        assertFalse(methylamine.truncated());
        for (PathStep s : path) {
            assertNotNull(s.reactionId(), "every pathway event is a catalogued reaction type");
        }
        assertEquals(path.get(2).reactionId(), a.reactions().types().stream()
                .filter(t -> t.products().size() == 1 && t.products().get(0).species().equals(methylamine.key()))
                .findFirst().orElseThrow().id());
        // a product of feed species alone has a one-step pathway
        assertEquals(1, p.get("CH3").pathway().size());

        assertEquals(methylamine.key(), r.largest().key());
        assertEquals(2, r.largest().heavyAtoms());
        assertEquals(20, r.largest().firstStep());
        assertFalse(r.largest().feed());
    }

    private static List<String> formulas(List<Stoich> side) {
        return side.stream().map(s -> formulaOfKey(s.species())).toList();
    }

    @Test
    void aBondInsideOneFeedMoleculeIsNotCrossFeedButOneBetweenFeedMoleculesIs() {
        // HCN (0 H, 1 C, 2 N), CH4 (3 C, 4-7 H), NH3 (8 N, 9-11 H), H2 (12, 13)
        int[] types = {H, C, N, C, H, H, H, H, N, H, H, H, H, H};
        int[][] feed = {{0, 1, 1}, {1, 2, 3}, {3, 4, 1}, {3, 5, 1}, {3, 6, 1}, {3, 7, 1}, {8, 9, 1}, {8, 10, 1}, {8, 11, 1}, {12, 13, 1}};
        ChemistryAnalysis a = new ChemistryAnalysis();
        a.accept(frame(0, types, feed));
        // the H2 splits; one H goes to HCN's nitrogen (H2CN: C-N from one feed molecule), CH4 and NH3 lose an H each
        a.accept(frame(100, types, new int[][] {{0, 1, 1}, {1, 2, 2}, {2, 12, 1}, {3, 5, 1}, {3, 6, 1}, {3, 7, 1},
                {8, 10, 1}, {8, 11, 1}, {4, 9, 1}}));
        // CH3 + NH2 -> CH3NH2: C-N between a CH4 carbon and an NH3 nitrogen
        a.accept(frame(200, types, new int[][] {{0, 1, 1}, {1, 2, 2}, {2, 12, 1}, {3, 5, 1}, {3, 6, 1}, {3, 7, 1},
                {8, 10, 1}, {8, 11, 1}, {4, 9, 1}, {3, 8, 1}}));
        Report r = a.products();
        Map<String, Product> p = byFormula(r);
        Product h2cn = p.get("CH2N");
        assertNotNull(h2cn, r.products().toString());
        assertEquals(2, h2cn.heavyAtoms());
        assertTrue(h2cn.crossFeedPairs().isEmpty(), "HCN's own C-N bond is not new");
        assertEquals(List.of("C-N"), p.get("CH5N").crossFeedPairs());
        assertEquals(Map.of("C-N", 1), r.newHeavyAtomBonds());
        assertEquals(1, r.crossFeedProducts());
    }

    @Test
    void originsFollowAtomsNotMoleculesAndABondReformedCountsOnce() {
        // two CH4 (0-4, 5-9) and one H2O (10 O, 11, 12)
        int[] types = {C, H, H, H, H, C, H, H, H, H, O, H, H};
        ChemistryAnalysis a = new ChemistryAnalysis();
        a.accept(frame(0, types, new int[][] {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 6, 1}, {5, 7, 1}, {5, 8, 1},
                {5, 9, 1}, {10, 11, 1}, {10, 12, 1}}));
        // CH3-CH3 + H2: a C-C bond between the two methanes
        a.accept(frame(1, types, new int[][] {{0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}, {5, 7, 1}, {5, 8, 1}, {5, 9, 1},
                {1, 6, 1}, {10, 11, 1}, {10, 12, 1}}));
        // the C-C bond breaks and carbon 5 takes water's oxygen (which loses hydrogen 11): CH3 + CH3OH + H
        a.accept(frame(2, types, new int[][] {{0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 7, 1}, {5, 8, 1}, {5, 9, 1}, {5, 10, 1},
                {10, 12, 1}, {1, 6, 1}}));
        // the same two carbons bond again (carbon 5 gives up hydrogen 9): CH3-CH2-OH, its C-C bond counted once over the run
        a.accept(frame(3, types, new int[][] {{0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}, {5, 7, 1}, {5, 8, 1}, {5, 10, 1},
                {10, 12, 1}, {1, 6, 1}}));
        Report r = a.products();
        assertEquals(Map.of("C-C", 1, "C-O", 1), r.newHeavyAtomBonds(), "distinct atom pairs, however often re-formed");
        assertEquals(Map.of("C-C", 1, "C-O", 1), r.newHeavyAtomBondsFinal());
        Map<String, Product> p = byFormula(r);
        assertEquals(List.of("C-C"), p.get("C2H6").crossFeedPairs());
        assertEquals(List.of("C-O"), p.get("CH4O").crossFeedPairs());
        assertEquals(List.of("C-C", "C-O"), p.get("C2H6O").crossFeedPairs());
        assertTrue(p.get("CH3").crossFeedPairs().isEmpty());
        assertTrue(p.containsKey("H2"), "H2 was not in this feed");
        assertEquals(3, r.largest().heavyAtoms());
        assertEquals(3, r.largest().firstStep());
        // C2H6O <- CH3 + CH4O (step 3) <- C2H6 + H2O (step 2, one event made both) <- 2 CH4 (step 1)
        List<PathStep> path = p.get("C2H6O").pathway();
        assertEquals(List.of(1L, 2L, 3L), path.stream().map(PathStep::step).toList(), path.toString());
        assertEquals(List.of("CH4"), formulas(path.get(0).reactants()));
        assertEquals(2, path.get(0).reactants().get(0).count());
        assertEquals(List.of("C2H6", "H2O"), formulas(path.get(1).reactants()));
        assertEquals(List.of("C2H6O", "H"), formulas(path.get(2).products()));
    }

    @Test
    void aFeedSpeciesReformedFromTwoFeedMoleculesIsNoProductButItsBondsAreNew() {
        // two HCN: (0 H, 1 C, 2 N), (3 H, 4 C, 5 N); the C≡N partners swap between frames
        int[] types = {H, C, N, H, C, N};
        ChemistryAnalysis a = new ChemistryAnalysis();
        a.accept(frame(0, types, new int[][] {{0, 1, 1}, {1, 2, 3}, {3, 4, 1}, {4, 5, 3}}));
        a.accept(frame(1, types, new int[][] {{0, 1, 1}, {1, 5, 3}, {3, 4, 1}, {4, 2, 3}}));
        Report r = a.products();
        assertTrue(r.products().isEmpty(), "HCN was in the feed: " + r.products());
        assertEquals(Map.of("C-N", 2), r.newHeavyAtomBonds());
        assertTrue(r.largest().feed());
        assertEquals(0, r.largest().firstStep());
    }

    @Test
    void nothingHappensNothingIsMade() {
        ChemistryAnalysis a = new ChemistryAnalysis();
        int[][] bonds = {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 6, 1}, {5, 7, 1}, {5, 8, 1}};
        a.accept(frame(0, CH4_NH3, bonds));
        a.accept(frame(5, CH4_NH3, bonds));
        Report r = a.products();
        assertTrue(r.products().isEmpty());
        assertTrue(r.newHeavyAtomBonds().isEmpty());
        assertEquals(0, r.crossFeedProducts());
        assertEquals("CH4", formulaOfKey(r.largest().key()), "CH4 and NH3 tie on heavy atoms; CH4 has more atoms");
    }

    @Test
    void pathwaysStopAtTheDepthBound() {
        // a chain grows one carbon per frame from ten CH4-derived carbons: C, C2, ..., C10 (no hydrogens, kept simple)
        int atoms = 10;
        int[] types = new int[atoms];
        ChemistryAnalysis a = new ChemistryAnalysis();
        for (int f = 0; f < atoms; f++) {
            int[][] bonds = new int[f][];
            for (int k = 0; k < f; k++) {
                bonds[k] = new int[] {k, k + 1, 1};
            }
            a.accept(frame(f, types, bonds));
        }
        Report r = a.products();
        Product c10 = r.products().get(0);
        assertEquals(10, c10.heavyAtoms());
        assertEquals(ProductTracker.MAX_PATHWAY_DEPTH, c10.pathway().size(), c10.pathway().toString());
        assertTrue(c10.truncated());
        Product c3 = r.products().stream().filter(x -> x.heavyAtoms() == 3).findFirst().orElseThrow();
        assertEquals(2, c3.pathway().size(), "C + C -> C2, C2 + C -> C3");
        assertFalse(c3.truncated());
    }
}
