package io.live2.model.analysis;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalKeyTest {
    static final MoleculeGraph ETHANOL = Graphs.graph(
            new String[] {"C", "C", "O", "H", "H", "H", "H", "H", "H"},
            new int[][] {{0, 1}, {1, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 6}, {1, 7}, {2, 8}});
    static final MoleculeGraph DIMETHYL_ETHER = Graphs.graph(
            new String[] {"C", "O", "C", "H", "H", "H", "H", "H", "H"},
            new int[][] {{0, 1}, {1, 2}, {0, 3}, {0, 4}, {0, 5}, {2, 6}, {2, 7}, {2, 8}});
    static final MoleculeGraph METHANE = Graphs.graph(new String[] {"H", "H", "C", "H", "H"},
            new int[][] {{2, 0}, {2, 1}, {2, 3}, {2, 4}});

    @Test
    void ethanolAndDimethylEtherDiffer() {
        String a = CanonicalKey.of(ETHANOL);
        String b = CanonicalKey.of(DIMETHYL_ETHER);
        assertTrue(a.startsWith("C2H6O/"), a);
        assertTrue(b.startsWith("C2H6O/"), b);
        assertNotEquals(a, b);
    }

    @Test
    void hcnAndHncDiffer() {
        String hcn = CanonicalKey.of(Graphs.graph(new String[] {"H", "C", "N"}, new int[][] {{0, 1, 1}, {1, 2, 3}}));
        String hnc = CanonicalKey.of(Graphs.graph(new String[] {"H", "N", "C"}, new int[][] {{0, 1, 1}, {1, 2, 3}}));
        assertNotEquals(hcn, hnc);
        assertTrue(hcn.startsWith("CHN/"), hcn);
    }

    @Test
    void methaneUnderAllNumberingsIsOneKey() {
        Set<String> keys = new HashSet<>();
        for (int[] p : Graphs.allPermutations(5)) {
            keys.add(CanonicalKey.of(Graphs.permute(METHANE, p, false)));
        }
        assertEquals(Set.of("CH4/0-1.0-2.0-3.0-4"), keys);
    }

    @Test
    void bondOrderMatters() {
        String single = CanonicalKey.of(Graphs.graph(new String[] {"C", "C"}, new int[][] {{0, 1, 1}}));
        String dbl = CanonicalKey.of(Graphs.graph(new String[] {"C", "C"}, new int[][] {{0, 1, 2}}));
        String triple = CanonicalKey.of(Graphs.graph(new String[] {"C", "C"}, new int[][] {{0, 1, 3}}));
        assertEquals("C2/0-1", single);
        assertEquals("C2/0=1", dbl);
        assertEquals("C2/0#1", triple);
    }

    @Test
    void singleAtomsAndKinds() {
        assertEquals("H", CanonicalKey.of(Graphs.graph(new String[] {"H"}, new int[0][])));
        MoleculeGraph k = Graphs.graph(new String[] {"K3", "K1", "K3"}, new int[][] {{0, 1}, {1, 2}});
        assertEquals("[K1][K3]2/0-1.0-2", CanonicalKey.of(k));
    }

    @Test
    void keysAreSafeInJsonCsvAndXml() {
        MoleculeGraph odd = Graphs.graph(new String[] {"a b", "x,\"<&>'"}, new int[][] {{0, 1, 2}});
        String key = CanonicalKey.of(odd);
        for (char c : key.toCharArray()) {
            assertFalse(Character.isWhitespace(c) || "\"',<>&".indexOf(c) >= 0, key);
        }
    }

    @Test
    void symmetricMoleculesStayCheap() {
        // neopentane C(CH3)4 and a 30-ring: pruning keeps the leaves few
        String[] labels = new String[17];
        int[][] bonds = new int[16][];
        labels[0] = "C";
        int b = 0;
        for (int i = 1; i <= 4; i++) {
            labels[i] = "C";
            bonds[b++] = new int[] {0, i, 1};
            for (int h = 0; h < 3; h++) {
                int hi = 5 + (i - 1) * 3 + h;
                labels[hi] = "H";
                bonds[b++] = new int[] {i, hi, 1};
            }
        }
        MoleculeGraph neo = Graphs.graph(labels, bonds);
        assertTrue(CanonicalKey.leavesVisited(neo) <= 24, "leaves " + CanonicalKey.leavesVisited(neo));
        String[] ring = new String[30];
        int[][] rb = new int[30][];
        for (int i = 0; i < 30; i++) {
            ring[i] = "C";
            rb[i] = new int[] {i, (i + 1) % 30, 1};
        }
        assertTrue(CanonicalKey.leavesVisited(Graphs.graph(ring, rb)) <= 8);
    }
}
