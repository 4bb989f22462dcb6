package io.live2.model.analysis;

import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoleculeExtractorTest {

    @Test
    void componentsAreOrderedByAtomIdWhateverTheSlotOrder() {
        // slots: ids 5, 2, 9, 1, 7; bonds 5-9 (double), 9-7; 2 and 1 free
        Snapshot s = Graphs.snapshot(0, new int[] {0, 1, 2, 1, 4}, new long[] {5, 2, 9, 1, 7},
                new double[] {1, 2, 1.1, 4, 1.2}, new double[] {1, 2, 1, 4, 1.1}, 10,
                new int[][] {{0, 2, 2}, {2, 4, 1}});
        List<MoleculeGraph> ms = MoleculeExtractor.extract(s);
        assertEquals(3, ms.size());
        assertArrayEquals(new long[] {1}, ms.get(0).atomIds());
        assertArrayEquals(new String[] {"H"}, ms.get(0).labels());
        assertArrayEquals(new long[] {2}, ms.get(1).atomIds());
        MoleculeGraph m = ms.get(2);
        assertArrayEquals(new long[] {5, 7, 9}, m.atomIds());
        assertArrayEquals(new String[] {"C", "K1", "O"}, m.labels());
        assertArrayEquals(new boolean[] {true, false, true}, m.elemental());
        // bonds by local index: 5-9 is (0, 2) double, 7-9 is (1, 2) single
        assertArrayEquals(new int[] {0, 1}, m.bondA());
        assertArrayEquals(new int[] {2, 2}, m.bondB());
        assertArrayEquals(new int[] {2, 1}, m.bondOrder());
        assertFalse(m.allElemental());
    }

    @Test
    void everyAtomInExactlyOneMolecule() {
        Snapshot s = Graphs.snapshot(0, new int[] {0, 1, 1, 1, 1, 2, 1, 1}, new long[] {0, 1, 2, 3, 4, 5, 6, 7},
                new double[8], new double[8], 10,
                new int[][] {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {5, 6, 1}, {5, 7, 1}});
        List<MoleculeGraph> ms = MoleculeExtractor.extract(s);
        assertEquals(2, ms.size());
        assertEquals(8, ms.stream().mapToInt(MoleculeGraph::atomCount).sum());
        assertEquals("CH4/0-1.0-2.0-3.0-4", CanonicalKey.of(ms.get(0)));
        assertEquals("H2O/0-2.1-2", CanonicalKey.of(ms.get(1)));
    }

    @Test
    void moleculesAcrossThePeriodicBoundaryAreWhole() {
        // a chain 0-1-2 across the x and y boundaries of a 10 nm box
        Snapshot s = Graphs.snapshot(0, new int[] {0, 0, 0}, new long[] {0, 1, 2},
                new double[] {9.9, 0.05, 0.2}, new double[] {0.1, 9.95, 9.8}, 10,
                new int[][] {{0, 1, 1}, {1, 2, 1}});
        MoleculeGraph m = MoleculeExtractor.extract(s).get(0);
        assertEquals(9.9, m.x()[0], 1e-12);
        assertEquals(10.05, m.x()[1], 1e-12);
        assertEquals(10.2, m.x()[2], 1e-12);
        assertEquals(0.1, m.y()[0], 1e-12);
        assertEquals(-0.05, m.y()[1], 1e-12);
        assertEquals(-0.2, m.y()[2], 1e-12);
        for (int e = 0; e < m.bondCount(); e++) {
            double dx = m.x()[m.bondA()[e]] - m.x()[m.bondB()[e]];
            double dy = m.y()[m.bondA()[e]] - m.y()[m.bondB()[e]];
            assertTrue(Math.hypot(dx, dy) < 0.3);
        }
    }

    @Test
    void emptySnapshotHasNoMolecules() {
        Snapshot s = Graphs.snapshot(0, new int[0], new long[0], new double[0], new double[0], 10, new int[0][]);
        assertTrue(MoleculeExtractor.extract(s).isEmpty());
    }
}
