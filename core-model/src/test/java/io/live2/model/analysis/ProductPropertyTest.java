package io.live2.model.analysis;

import io.live2.model.analysis.ProductTracker.PathStep;
import io.live2.model.analysis.ProductTracker.Product;
import io.live2.model.analysis.ProductTracker.Report;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import io.live2.model.analysis.SpeciesCatalogue.SpeciesRecord;
import io.live2.model.io.Snapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random bond-graph histories of several frames: the product report against an independent oracle (origins by a plain
 * graph search over the first frame's slot bonds), element conservation, balanced pathways, and determinism under
 * re-analysis and slot permutation.
 */
class ProductPropertyTest {

    /** Atoms (types and ids by slot) and one bond set per frame, {slot, slot, order}. */
    record History(int[] types, long[] ids, List<int[][]> frames) {
        Snapshot frame(int f) {
            int n = types.length;
            return Graphs.snapshot(10L * (f + 1), types, ids, new double[n], new double[n], 5.0, frames.get(f));
        }

        History permuted(int[] perm) {
            int n = types.length;
            int[] t = new int[n];
            long[] id = new long[n];
            for (int i = 0; i < n; i++) {
                t[perm[i]] = types[i];
                id[perm[i]] = ids[i];
            }
            List<int[][]> fs = new ArrayList<>();
            for (int[][] bonds : frames) {
                int[][] out = new int[bonds.length][];
                for (int e = 0; e < bonds.length; e++) {
                    out[e] = new int[] {perm[bonds[e][1]], perm[bonds[e][0]], bonds[e][2]};
                }
                fs.add(out);
            }
            return new History(t, id, fs);
        }
    }

    static History randomHistory(long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(20);
        int[] types = new int[n];
        long[] ids = new long[n];
        List<Long> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pool.add(50L + 3L * i);
        }
        Collections.shuffle(pool, r);
        for (int i = 0; i < n; i++) {
            types[i] = r.nextInt(Graphs.TYPES.size());
            ids[i] = pool.get(i);
        }
        int frameCount = 2 + r.nextInt(5);
        List<int[][]> frames = new ArrayList<>();
        Map<Long, Integer> bonds = new TreeMap<>();
        int[] deg = new int[n];
        RandomBondGraphs.addRandomBonds(r, n, deg, bonds, r.nextInt(n + 1));
        frames.add(RandomBondGraphs.toArray(bonds, n));
        for (int f = 1; f < frameCount; f++) {
            for (Long k : new ArrayList<>(bonds.keySet())) {
                if (r.nextDouble() < 0.3) {
                    bonds.remove(k);
                    deg[(int) (k / n)]--;
                    deg[(int) (k % n)]--;
                }
            }
            RandomBondGraphs.addRandomBonds(r, n, deg, bonds, r.nextInt(n + 1));
            frames.add(RandomBondGraphs.toArray(bonds, n));
        }
        return new History(types, ids, frames);
    }



    private static ChemistryAnalysis analyse(History h) {
        ChemistryAnalysis a = new ChemistryAnalysis();
        for (int f = 0; f < h.frames().size(); f++) {
            a.accept(h.frame(f));
        }
        return a;
    }

    private static String label(History h, int slot) {
        return Graphs.TYPES.get(h.types()[slot]).element() != null ? Graphs.TYPES.get(h.types()[slot]).element()
                : Graphs.TYPES.get(h.types()[slot]).name();
    }

    /** Connected component of each slot in the first frame, by depth-first search (not union-find). */
    private static int[] firstFrameOrigins(History h) {
        int n = h.types().length;
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (int[] b : h.frames().get(0)) {
            adj.get(b[0]).add(b[1]);
            adj.get(b[1]).add(b[0]);
        }
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int c = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>(List.of(s));
            comp[s] = c;
            while (!stack.isEmpty()) {
                int v = stack.pop();
                for (int w : adj.get(v)) {
                    if (comp[w] < 0) {
                        comp[w] = c;
                        stack.push(w);
                    }
                }
            }
            c++;
        }
        return comp;
    }

    @Property(tries = 300)
    void reportMatchesAnIndependentOracleAndConservesElements(@ForAll long seed) {
        History h = randomHistory(seed);
        ChemistryAnalysis a = analyse(h);
        Report r = a.products();

        // oracle: distinct cross-origin heavy-heavy atom pairs over all frames, and those of the last frame
        int[] origin = firstFrameOrigins(h);
        Map<String, Set<String>> distinct = new TreeMap<>();
        Map<String, Integer> last = new TreeMap<>();
        for (int f = 0; f < h.frames().size(); f++) {
            for (int[] b : h.frames().get(f)) {
                String la = label(h, b[0]);
                String lb = label(h, b[1]);
                if (la.equals("H") || lb.equals("H") || origin[b[0]] == origin[b[1]]) {
                    continue;
                }
                String pair = la.compareTo(lb) <= 0 ? la + "-" + lb : lb + "-" + la;
                long lo = Math.min(h.ids()[b[0]], h.ids()[b[1]]);
                long hi = Math.max(h.ids()[b[0]], h.ids()[b[1]]);
                distinct.computeIfAbsent(pair, k -> new HashSet<>()).add(lo + ":" + hi);
                if (f == h.frames().size() - 1) {
                    last.merge(pair, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        distinct.forEach((p, s) -> expected.put(p, s.size()));
        assertEquals(expected, r.newHeavyAtomBonds());
        assertEquals(last, r.newHeavyAtomBondsFinal());

        // products are exactly the species absent from the first frame
        Map<String, SpeciesRecord> records = new HashMap<>();
        Set<String> novel = new TreeSet<>();
        for (SpeciesRecord s : a.catalogue().species()) {
            records.put(s.key(), s);
            if (s.novel()) {
                novel.add(s.key());
            }
        }
        assertEquals(novel, new TreeSet<>(r.products().stream().map(Product::key).toList()));
        assertEquals(r.products().size(), novel.size(), "each product once");

        Map<String, Integer> system = new TreeMap<>();
        Set<Long> allIds = new HashSet<>();
        for (int i = 0; i < h.types().length; i++) {
            system.merge(label(h, i), 1, Integer::sum);
            allIds.add(h.ids()[i]);
        }
        Product previous = null;
        for (Product p : r.products()) {
            SpeciesRecord rec = records.get(p.key());
            MoleculeGraph g = rec.representative();
            // element conservation: a product's atoms are atoms of the system
            Map<String, Integer> counts = elements(g);
            counts.forEach((el, k) -> assertTrue(k <= system.getOrDefault(el, 0), p.key() + " has more " + el + " than the system"));
            for (long id : g.atomIds()) {
                assertTrue(allIds.contains(id));
            }
            assertEquals(g.atomCount(), p.atoms());
            assertEquals(g.atomCount() - counts.getOrDefault("H", 0), p.heavyAtoms());
            assertEquals(rec.firstSeenStep(), p.firstStep());
            assertEquals(rec.abundancePeak(), p.abundancePeak());
            // cross-feed pairs are pairs of heavy-atom bonds the species' graph has
            Set<String> heavyPairs = new TreeSet<>();
            for (int e = 0; e < g.bondCount(); e++) {
                String la = g.labels()[g.bondA()[e]];
                String lb = g.labels()[g.bondB()[e]];
                if (!la.equals("H") && !lb.equals("H")) {
                    heavyPairs.add(ProductTracker.pair(la, lb));
                }
            }
            assertTrue(heavyPairs.containsAll(p.crossFeedPairs()), p.crossFeedPairs() + " not in " + heavyPairs);
            assertEquals(new TreeSet<>(p.crossFeedPairs()).stream().toList(), p.crossFeedPairs(), "sorted, distinct");
            // pathway: balanced events in step order, the last one forms the product, every intermediate explained
            assertFalse(p.pathway().isEmpty(), "a closed system forms every product by an atom-mapped event");
            assertFalse(p.truncated(), "at most 6 frames, never 8 reactions deep");
            PathStep end = p.pathway().get(p.pathway().size() - 1);
            assertEquals(p.firstStep(), end.step());
            assertTrue(end.products().stream().anyMatch(s -> s.species().equals(p.key())));
            Set<String> made = new HashSet<>(r.feedSpecies());
            long lastStep = Long.MIN_VALUE;
            for (PathStep s : p.pathway()) {
                assertEquals(side(s.reactants(), records), side(s.products(), records), "balanced: " + s);
                assertTrue(s.step() >= lastStep);
                lastStep = s.step();
                for (Stoich in : s.reactants()) {
                    assertTrue(made.contains(in.species()), "reactant " + in.species() + " of " + s + " is feed or made earlier");
                }
                s.products().forEach(o -> made.add(o.species()));
            }
            if (previous != null) {
                assertTrue(previous.heavyAtoms() > p.heavyAtoms()
                        || previous.heavyAtoms() == p.heavyAtoms() && previous.firstStep() <= p.firstStep(), "ranking");
            }
            previous = p;
        }
        if (r.largest() != null) {
            for (SpeciesRecord s : records.values()) {
                assertTrue(s.atoms() - elements(s.representative()).getOrDefault("H", 0) <= r.largest().heavyAtoms());
            }
        }
    }

    @Property(tries = 100)
    void sameFramesGiveTheSameReportWhateverTheSlotOrder(@ForAll long seed) {
        History h = randomHistory(seed);
        Report once = analyse(h).products();
        assertEquals(once, analyse(h).products());
        int[] perm = CanonicalKeyPropertyTest.randomPermutation(h.types().length, new Random(~seed));
        assertEquals(once, analyse(h.permuted(perm)).products());
    }

    private static Map<String, Integer> elements(MoleculeGraph g) {
        Map<String, Integer> c = new TreeMap<>();
        for (String l : g.labels()) {
            c.merge(l, 1, Integer::sum);
        }
        return c;
    }

    private static Map<String, Integer> side(List<Stoich> terms, Map<String, SpeciesRecord> records) {
        Map<String, Integer> c = new TreeMap<>();
        for (Stoich t : terms) {
            elements(records.get(t.species()).representative()).forEach((el, k) -> c.merge(el, k * t.count(), Integer::sum));
        }
        return c;
    }
}
