package io.live2.model.analysis;

import io.live2.model.analysis.ReactionDetector.MappedEvent;
import io.live2.model.analysis.ReactionDetector.ReactionEvent;
import io.live2.model.analysis.SpeciesCatalogue.SpeciesRecord;
import io.live2.model.io.Snapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random bond-graph edits between frames: element balance, atom coverage, and independence of the slot order. */
class ReactionPropertyTest {

    /** A small random system and two bond sets (by slot): frame 2 is frame 1 with random breaks, forms and order changes. */
    record System2(int[] types, long[] ids, double[] x, double[] y, int[][] bonds1, int[][] bonds2) {
        Snapshot frame(long step, int[][] bonds) {
            return Graphs.snapshot(step, types, ids, x, y, 5.0, bonds);
        }

        /** The same system with slot i moved to slot perm[i] (ids kept). */
        System2 permuted(int[] perm) {
            int n = types.length;
            int[] t = new int[n];
            long[] id = new long[n];
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                t[perm[i]] = types[i];
                id[perm[i]] = ids[i];
                px[perm[i]] = x[i];
                py[perm[i]] = y[i];
            }
            return new System2(t, id, px, py, remap(bonds1, perm), remap(bonds2, perm));
        }

        private static int[][] remap(int[][] bonds, int[] perm) {
            int[][] out = new int[bonds.length][];
            for (int e = 0; e < bonds.length; e++) {
                out[e] = new int[] {perm[bonds[e][1]], perm[bonds[e][0]], bonds[e][2]};
            }
            return out;
        }
    }

    static System2 randomSystem(long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(24);
        int[] types = new int[n];
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        List<Long> idPool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idPool.add(100L + 7L * i);
        }
        java.util.Collections.shuffle(idPool, r);
        for (int i = 0; i < n; i++) {
            types[i] = r.nextInt(Graphs.TYPES.size());
            ids[i] = idPool.get(i);
            x[i] = r.nextDouble() * 5;
            y[i] = r.nextDouble() * 5;
        }
        Map<Long, Integer> bonds = new TreeMap<>();
        int[] deg = new int[n];
        RandomBondGraphs.addRandomBonds(r, n, deg, bonds, r.nextInt(2 * n));
        Map<Long, Integer> next = new TreeMap<>(bonds);
        for (Long k : new ArrayList<>(bonds.keySet())) {
            double u = r.nextDouble();
            if (u < 0.25) {
                next.remove(k);
                deg[(int) (k / n)]--;
                deg[(int) (k % n)]--;
            } else if (u < 0.35) {
                next.put(k, 1 + r.nextInt(3));
            }
        }
        RandomBondGraphs.addRandomBonds(r, n, deg, next, r.nextInt(n));
        return new System2(types, ids, x, y, RandomBondGraphs.toArray(bonds, n), RandomBondGraphs.toArray(next, n));
    }



    private static Map<String, Integer> elements(List<String> keys, Map<String, MoleculeGraph> reps) {
        Map<String, Integer> c = new TreeMap<>();
        for (String k : keys) {
            for (String l : reps.get(k).labels()) {
                c.merge(l, 1, Integer::sum);
            }
        }
        return c;
    }

    @Property(tries = 300)
    void everyEventConservesElementsAndEveryChangedAtomIsInExactlyOneEvent(@ForAll long seed) {
        System2 sys = randomSystem(seed);
        ChemistryAnalysis an = new ChemistryAnalysis();
        an.accept(sys.frame(100, sys.bonds1()));
        List<MoleculeGraph> prev = an.lastMolecules();
        List<String> prevKeys = an.lastKeys();
        an.accept(sys.frame(200, sys.bonds2()));
        List<MoleculeGraph> cur = an.lastMolecules();
        List<MappedEvent> mapped = new ReactionDetector().betweenMapped(200, prev, prevKeys, cur, an.lastKeys());
        assertEquals(mapped.stream().map(MappedEvent::event).toList(), an.lastEvents());
        assertEquals(0, an.detector().unbalancedSkipped());

        Map<String, MoleculeGraph> reps = new HashMap<>();
        for (SpeciesRecord r : an.catalogue().species()) {
            reps.put(r.key(), r.representative());
        }
        Map<Long, String> labelOf = new HashMap<>();
        for (MoleculeGraph m : cur) {
            for (int a = 0; a < m.atomCount(); a++) {
                labelOf.put(m.atomIds()[a], m.labels()[a]);
            }
        }
        Set<MoleculeGraph> curSet = new HashSet<>(cur);
        Set<Long> changed = new HashSet<>();
        for (MoleculeGraph m : prev) {
            if (!curSet.contains(m)) {
                for (long id : m.atomIds()) {
                    changed.add(id);
                }
            }
        }
        Map<Long, Integer> seen = new HashMap<>();
        long lastMin = Long.MIN_VALUE;
        for (MappedEvent me : mapped) {
            ReactionEvent e = me.event();
            Map<String, Integer> left = elements(e.reactants(), reps);
            Map<String, Integer> right = elements(e.products(), reps);
            assertEquals(left, right, e.toString());
            Map<String, Integer> byAtoms = new TreeMap<>();
            for (long id : me.atomIds()) {
                byAtoms.merge(labelOf.get(id), 1, Integer::sum);
                seen.merge(id, 1, Integer::sum);
            }
            assertEquals(left, byAtoms);
            assertEquals(e.atoms(), me.atomIds().length);
            assertTrue(me.atomIds()[0] > lastMin, "events ordered by smallest atom id");
            lastMin = me.atomIds()[0];
            assertEquals(e.reactants().stream().sorted().toList(), e.reactants());
            assertEquals(e.products().stream().sorted().toList(), e.products());
        }
        assertEquals(changed, seen.keySet());
        for (int count : seen.values()) {
            assertEquals(1, count);
        }
    }

    @Property(tries = 150)
    void slotOrderChangesNoKeyAndNoReaction(@ForAll long seed) {
        System2 sys = randomSystem(seed);
        int n = sys.types().length;
        int[] perm = CanonicalKeyPropertyTest.randomPermutation(n, new Random(~seed));
        System2 per = sys.permuted(perm);
        ChemistryAnalysis a = new ChemistryAnalysis();
        ChemistryAnalysis b = new ChemistryAnalysis();
        a.accept(sys.frame(1, sys.bonds1()));
        b.accept(per.frame(1, per.bonds1()));
        assertEquals(a.lastKeys(), b.lastKeys());
        assertEquals(a.lastMolecules(), b.lastMolecules());
        a.accept(sys.frame(2, sys.bonds2()));
        b.accept(per.frame(2, per.bonds2()));
        assertEquals(a.lastKeys(), b.lastKeys());
        assertEquals(a.lastMolecules(), b.lastMolecules());
        assertEquals(a.lastEvents(), b.lastEvents());
        assertEquals(a.catalogue().species(), b.catalogue().species());
        assertEquals(a.reactions().types(), b.reactions().types());
        for (int i = 0; i < a.lastMolecules().size(); i++) {
            assertEquals(java.util.Arrays.toString(a.lastMolecules().get(i).x()),
                    java.util.Arrays.toString(b.lastMolecules().get(i).x()));
        }
    }
}
