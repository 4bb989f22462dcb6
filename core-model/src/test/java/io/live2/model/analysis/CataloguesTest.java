package io.live2.model.analysis;

import io.live2.model.analysis.ReactionCatalogue.ReactionType;
import io.live2.model.analysis.ReactionDetector.ReactionEvent;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import io.live2.model.analysis.SpeciesCatalogue.SpeciesRecord;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CataloguesTest {
    private static MoleculeGraph atom(String label, long id) {
        return new MoleculeGraph(new String[] {label}, new boolean[] {true}, new long[] {id}, new int[0], new int[0],
                new int[0], new double[1], new double[1]);
    }

    @Test
    void speciesCatalogueTracksAbundanceNoveltyAndSeries() {
        SpeciesCatalogue c = new SpeciesCatalogue();
        MoleculeGraph h1 = atom("H", 1);
        MoleculeGraph h2 = atom("H", 2);
        MoleculeGraph o3 = atom("O", 3);
        c.observe(0, List.of(h1, h2), List.of("H", "H"));
        c.observe(10, List.of(h1, o3), List.of("H", "O"));
        c.observe(20, List.of(o3), List.of("O"));
        List<SpeciesRecord> sp = c.species();
        assertEquals(2, sp.size());
        SpeciesRecord h = sp.get(0);
        assertEquals(new SpeciesRecord("H", h1, 1, 0, 10, 0, 2, 3, false), h);
        SpeciesRecord o = sp.get(1);
        assertEquals(new SpeciesRecord("O", o3, 1, 10, 20, 1, 1, 2, true), o);
        assertEquals(List.of(0L, 10L, 20L), c.steps());
        Map<String, long[]> ts = c.timeSeries();
        assertEquals(List.of("H", "O"), List.copyOf(ts.keySet()));
        assertArrayEquals(new long[] {2, 1, 0}, ts.get("H"));
        assertArrayEquals(new long[] {0, 1, 1}, ts.get("O"));
        assertEquals(List.of(1, 1, 0), c.novelPerFrame());
        assertThrows(IllegalArgumentException.class, () -> c.observe(20, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> c.observe(30, List.of(h1), List.of()));
    }

    @Test
    void reactionCatalogueAggregatesByMultisets() {
        ReactionCatalogue rc = new ReactionCatalogue();
        rc.add(new ReactionEvent(5, List.of("H", "H"), List.of("H2"), 2));
        rc.add(new ReactionEvent(7, List.of("H2"), List.of("H", "H"), 2));
        rc.add(new ReactionEvent(9, List.of("H", "H"), List.of("H2"), 2));
        List<ReactionType> t = rc.types();
        assertEquals(2, t.size());
        assertEquals(new ReactionType("R1", List.of(new Stoich("H", 2)), List.of(new Stoich("H2", 1)), 2, 5, 9), t.get(0));
        assertEquals(new ReactionType("R2", List.of(new Stoich("H2", 1)), List.of(new Stoich("H", 2)), 1, 7, 7), t.get(1));
        assertEquals(3, rc.eventCount());
    }

    @Test
    void keyerReusesUnchangedMoleculesAndDropsStaleEntries() {
        SpeciesKeyer k = new SpeciesKeyer();
        Snapshot a = Graphs.snapshot(0, new int[] {1, 1, 1, 1}, new long[] {0, 1, 2, 3}, new double[4], new double[4], 10,
                new int[][] {{0, 1, 1}});
        Snapshot b = Graphs.snapshot(1, new int[] {1, 1, 1, 1}, new long[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1},
                new double[4], 10, new int[][] {{0, 1, 1}, {2, 3, 1}});
        assertEquals(List.of("H2/0-1", "H", "H"), k.keys(MoleculeExtractor.extract(a)));
        assertEquals(2, k.rekeyed()); // the second H atom has the first one's shape
        assertEquals(1, k.reused());
        assertEquals(1, k.shapeReused());
        assertEquals(List.of("H2/0-1", "H2/0-1"), k.keys(MoleculeExtractor.extract(b)));
        assertEquals(2, k.rekeyed()); // H2 (0, 1) unchanged; H2 (2, 3) is new but has the same shape
        assertEquals(3, k.reused());
        assertEquals(2, k.shapeReused());
        assertEquals(2, k.cached());
        // a different shape of the same species (atoms in another local order) is searched, and gets the same key
        MoleculeGraph hoh = Graphs.graph(new String[] {"H", "O", "H"}, new int[][] {{0, 1}, {1, 2}});
        MoleculeGraph ohh = Graphs.graph(new String[] {"O", "H", "H"}, new int[][] {{0, 1}, {0, 2}});
        List<String> w = k.keys(List.of(hoh, ohh));
        assertEquals(w.get(0), w.get(1));
        assertEquals(4, k.rekeyed());
    }

    @Test
    void analysisFindsFormationDissociationAndExchange() {
        int[] t = {1, 1, 1};
        long[] ids = {0, 1, 2};
        double[] z = new double[3];
        ChemistryAnalysis an = new ChemistryAnalysis();
        an.accept(Graphs.snapshot(0, t, ids, z, z, 10, new int[0][]));
        an.accept(Graphs.snapshot(10, t, ids, z, z, 10, new int[][] {{0, 1, 1}}));
        assertEquals(List.of(new ReactionEvent(10, List.of("H", "H"), List.of("H2/0-1"), 2)), an.lastEvents());
        an.accept(Graphs.snapshot(20, t, ids, z, z, 10, new int[][] {{1, 2, 1}}));
        assertEquals(List.of(new ReactionEvent(20, List.of("H", "H2/0-1"), List.of("H", "H2/0-1"), 3)), an.lastEvents());
        an.accept(Graphs.snapshot(30, t, ids, z, z, 10, new int[][] {{1, 2, 1}}));
        assertTrue(an.lastEvents().isEmpty());
        an.accept(Graphs.snapshot(40, t, ids, z, z, 10, new int[0][]));
        assertEquals(List.of(new ReactionEvent(40, List.of("H2/0-1"), List.of("H", "H"), 2)), an.lastEvents());
        assertEquals(5, an.frames());
        assertEquals(3, an.reactions().eventCount());
        assertEquals(3, an.reactions().types().size());
        assertEquals(List.of(3, 0, 0, 0, 0).size(), an.catalogue().novelPerFrame().size());
        assertEquals(List.of(1, 1, 0, 0, 0), an.catalogue().novelPerFrame());
        assertFalse(an.catalogue().species().get(0).novel());
        assertTrue(an.catalogue().species().get(1).novel());
        assertThrows(IllegalArgumentException.class, () -> an.accept(Graphs.snapshot(40, t, ids, z, z, 10, new int[0][])));
        assertEquals(5, an.frames());
    }
}
