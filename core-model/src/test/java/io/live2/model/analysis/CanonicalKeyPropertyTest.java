package io.live2.model.analysis;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The canonical key against a brute-force canonical form over all n! numberings (graphs of at most 7 atoms). */
class CanonicalKeyPropertyTest {
    private static final String[] ALPHABET = {"C", "H", "O", "K1"};

    /** Random labelled graph (not necessarily connected) with random bond orders, from a seed. */
    static MoleculeGraph randomGraph(long seed, int maxAtoms, int labelKinds, double density) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(maxAtoms);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = ALPHABET[r.nextInt(labelKinds)];
        }
        List<int[]> bonds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < density) {
                    bonds.add(new int[] {i, j, 1 + (r.nextDouble() < 0.7 ? 0 : r.nextInt(3))});
                }
            }
        }
        return Graphs.graph(labels, bonds.toArray(new int[0][]));
    }

    static int[] randomPermutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A small edit of g: change one bond's order, remove or add one bond, or relabel one atom. */
    static MoleculeGraph mutate(MoleculeGraph g, Random r) {
        int n = g.atomCount();
        String[] labels = g.labels().clone();
        List<int[]> bonds = new ArrayList<>();
        for (int e = 0; e < g.bondCount(); e++) {
            bonds.add(new int[] {g.bondA()[e], g.bondB()[e], g.bondOrder()[e]});
        }
        int what = r.nextInt(4);
        if (what == 0 && !bonds.isEmpty()) {
            int[] b = bonds.get(r.nextInt(bonds.size()));
            b[2] = 1 + (b[2] % 3);
        } else if (what == 1 && !bonds.isEmpty()) {
            bonds.remove(r.nextInt(bonds.size()));
        } else if (what == 2 && n > 1) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            boolean exists = i == j;
            for (int[] b : bonds) {
                exists |= (b[0] == i && b[1] == j) || (b[0] == j && b[1] == i);
            }
            if (!exists) {
                bonds.add(new int[] {i, j, 1});
            }
        } else {
            labels[r.nextInt(n)] = ALPHABET[r.nextInt(2)];
        }
        return Graphs.graph(labels, bonds.toArray(new int[0][]));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 300)
    void keyIsInvariantUnderRenumbering(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int kinds,
                                        @ForAll @IntRange(min = 1, max = 9) int densityTenths) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        MoleculeGraph g = randomGraph(seed, 7, kinds, densityTenths / 10.0);
        String key = CanonicalKey.of(g);
        for (int k = 0; k < 5; k++) {
            MoleculeGraph p = Graphs.permute(g, randomPermutation(g.atomCount(), r), r.nextBoolean());
            assertEquals(key, CanonicalKey.of(p));
        }
    }

    @Property(tries = 300)
    void keysEqualExactlyWhenBruteForceFormsEqual(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int kinds,
                                                  @ForAll @IntRange(min = 0, max = 2) int relation) {
        Random r = new Random(seed);
        MoleculeGraph g1 = randomGraph(seed, 7, kinds, 0.2 + 0.5 * r.nextDouble());
        MoleculeGraph g2 = switch (relation) {
            case 0 -> Graphs.permute(mutate(g1, r), randomPermutation(g1.atomCount(), r), false);
            case 1 -> Graphs.permute(g1, randomPermutation(g1.atomCount(), r), true);
            default -> randomGraph(r.nextLong(), 7, kinds, 0.2 + 0.5 * r.nextDouble());
        };
        boolean sameKey = CanonicalKey.of(g1).equals(CanonicalKey.of(g2));
        boolean sameForm = Graphs.bruteForce(g1).equals(Graphs.bruteForce(g2));
        assertEquals(sameForm, sameKey, g1 + " vs " + g2);
    }

    /** Every labelled graph on 4 atoms (labels C/H, orders 0..2 on each pair): keys partition like brute force. */
    @Example
    void exhaustiveFourAtomGraphsPartitionLikeBruteForce() {
        String[] lab = {"C", "H"};
        Map<String, String> keyToForm = new HashMap<>();
        Map<String, String> formToKey = new HashMap<>();
        int pairs = 6;
        for (int lm = 0; lm < 16; lm++) {
            String[] labels = new String[4];
            for (int i = 0; i < 4; i++) {
                labels[i] = lab[(lm >> i) & 1];
            }
            for (int code = 0; code < 729; code++) {
                List<int[]> bonds = new ArrayList<>();
                int c = code;
                int p = 0;
                for (int i = 0; i < 4; i++) {
                    for (int j = i + 1; j < 4; j++) {
                        int o = c % 3;
                        c /= 3;
                        if (o > 0) {
                            bonds.add(new int[] {i, j, o});
                        }
                        p++;
                    }
                }
                assertEquals(pairs, p);
                MoleculeGraph g = Graphs.graph(labels, bonds.toArray(new int[0][]));
                String key = CanonicalKey.of(g);
                String form = Graphs.bruteForce(g);
                assertEquals(form, keyToForm.computeIfAbsent(key, k -> form), key);
                assertEquals(key, formToKey.computeIfAbsent(form, f -> key), form);
            }
        }
    }

    /** Every simple graph on 5 unlabelled (all C) atoms: 1024 graphs, 34 isomorphism classes. */
    @Example
    void exhaustiveFiveAtomSimpleGraphs() {
        Map<String, String> keyToForm = new HashMap<>();
        Map<String, String> formToKey = new HashMap<>();
        String[] labels = {"C", "C", "C", "C", "C"};
        for (int code = 0; code < 1024; code++) {
            List<int[]> bonds = new ArrayList<>();
            int bit = 0;
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    if ((code >> bit++ & 1) != 0) {
                        bonds.add(new int[] {i, j, 1});
                    }
                }
            }
            MoleculeGraph g = Graphs.graph(labels, bonds.toArray(new int[0][]));
            String key = CanonicalKey.of(g);
            String form = Graphs.bruteForce(g);
            assertEquals(form, keyToForm.computeIfAbsent(key, k -> form));
            assertEquals(key, formToKey.computeIfAbsent(form, f -> key));
        }
        assertEquals(34, keyToForm.size());
    }

    /** Regular graphs that colour refinement (Weisfeiler-Lehman) cannot tell apart; the exact key can. */
    @Example
    void distinguishesGraphsThatRefinementAloneCannot() {
        String[] c6 = {"C", "C", "C", "C", "C", "C"};
        MoleculeGraph prism = Graphs.graph(c6, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {0, 3}, {1, 4}, {2, 5}});
        MoleculeGraph k33 = Graphs.graph(c6, new int[][] {{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {1, 5}, {2, 3}, {2, 4}, {2, 5}});
        assertNotEquals(CanonicalKey.of(prism), CanonicalKey.of(k33));
        MoleculeGraph hexagon = Graphs.graph(c6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}});
        MoleculeGraph twoTriangles = Graphs.graph(c6, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}});
        assertNotEquals(CanonicalKey.of(hexagon), CanonicalKey.of(twoTriangles));
        Random r = new Random(7);
        for (int k = 0; k < 50; k++) {
            assertEquals(CanonicalKey.of(prism), CanonicalKey.of(Graphs.permute(prism, randomPermutation(6, r), true)));
            assertEquals(CanonicalKey.of(k33), CanonicalKey.of(Graphs.permute(k33, randomPermutation(6, r), false)));
        }
    }

    /** Larger symmetric graphs (no brute force possible): invariance under many renumberings. */
    @Example
    void largerSymmetricGraphsAreInvariant() {
        // Petersen graph (10 atoms, 3-regular, vertex-transitive) and a 4x6 torus-like grid of kinds
        String[] p10 = new String[10];
        java.util.Arrays.fill(p10, "K1");
        MoleculeGraph petersen = Graphs.graph(p10, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0},
                {0, 5}, {1, 6}, {2, 7}, {3, 8}, {4, 9}, {5, 7}, {7, 9}, {9, 6}, {6, 8}, {8, 5}});
        List<int[]> grid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                int v = i * 6 + j;
                grid.add(new int[] {v, i * 6 + (j + 1) % 6, 1});
                grid.add(new int[] {v, ((i + 1) % 4) * 6 + j, 1});
            }
        }
        String[] g24 = new String[24];
        java.util.Arrays.fill(g24, "C");
        MoleculeGraph torus = Graphs.graph(g24, grid.toArray(new int[0][]));
        Random r = new Random(11);
        for (MoleculeGraph g : List.of(petersen, torus)) {
            String key = CanonicalKey.of(g);
            for (int k = 0; k < 30; k++) {
                assertEquals(key, CanonicalKey.of(Graphs.permute(g, randomPermutation(g.atomCount(), r), r.nextBoolean())));
            }
        }
    }

    /** k copies of the graphs in parts, each joined by a single bond from its atom 0 to a new central atom. */
    static MoleculeGraph star(List<MoleculeGraph> parts) {
        List<String> labels = new ArrayList<>(List.of("X")); // a label no part uses: the centre maps to the centre
        List<int[]> bonds = new ArrayList<>();
        for (MoleculeGraph g : parts) {
            int base = labels.size();
            labels.addAll(List.of(g.labels()));
            bonds.add(new int[] {0, base, 1});
            for (int e = 0; e < g.bondCount(); e++) {
                bonds.add(new int[] {base + g.bondA()[e], base + g.bondB()[e], g.bondOrder()[e]});
            }
        }
        return Graphs.graph(labels.toArray(new String[0]), bonds.toArray(new int[0][]));
    }

    /**
     * Larger, highly symmetric graphs (a centre carrying 2-5 copies of a random part, up to 36 atoms): the key is
     * invariant under renumbering, and replacing one copy by an edited part changes the key exactly when the edited
     * part, rooted at its atom 0, is not isomorphic to the original (brute force on the part with atom 0 marked). The
     * centre's label is used nowhere else, so for connected parts the assembly's class is the multiset of rooted parts.
     */
    @Property(tries = 150)
    void symmetricAssembliesAreKeyedExactly(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int copies) {
        Random r = new Random(seed);
        MoleculeGraph part = randomGraph(seed, 6, 2, 0.5);
        MoleculeGraph edited = mutate(part, r);
        List<MoleculeGraph> same = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            same.add(part);
        }
        List<MoleculeGraph> oneEdited = new ArrayList<>(same);
        oneEdited.set(r.nextInt(copies), edited);
        MoleculeGraph a = star(same);
        MoleculeGraph b = star(oneEdited);
        String ka = CanonicalKey.of(a);
        String kb = CanonicalKey.of(b);
        for (int k = 0; k < 3; k++) {
            assertEquals(ka, CanonicalKey.of(Graphs.permute(a, randomPermutation(a.atomCount(), r), r.nextBoolean())));
            assertEquals(kb, CanonicalKey.of(Graphs.permute(b, randomPermutation(b.atomCount(), r), r.nextBoolean())));
        }
        boolean partsIsomorphic = Graphs.bruteForce(marked(part)).equals(Graphs.bruteForce(marked(edited)));
        if (isConnected(part) && isConnected(edited)) {
            assertEquals(partsIsomorphic, ka.equals(kb));
        } else if (partsIsomorphic) {
            assertEquals(ka, kb);
        }
    }

    private static MoleculeGraph marked(MoleculeGraph g) {
        String[] labels = g.labels().clone();
        labels[0] = labels[0] + "*";
        return Graphs.graph(labels, bondsOf(g));
    }

    private static int[][] bondsOf(MoleculeGraph g) {
        int[][] b = new int[g.bondCount()][];
        for (int e = 0; e < b.length; e++) {
            b[e] = new int[] {g.bondA()[e], g.bondB()[e], g.bondOrder()[e]};
        }
        return b;
    }

    private static boolean isConnected(MoleculeGraph g) {
        int n = g.atomCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int comps = n;
        for (int e = 0; e < g.bondCount(); e++) {
            int a = g.bondA()[e];
            int b = g.bondB()[e];
            while (parent[a] != a) {
                a = parent[a];
            }
            while (parent[b] != b) {
                b = parent[b];
            }
            if (a != b) {
                parent[a] = b;
                comps--;
            }
        }
        return comps == 1;
    }
}
