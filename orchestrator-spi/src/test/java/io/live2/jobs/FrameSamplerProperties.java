package io.live2.jobs;

import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live-frame sampler on random bond graphs: never more atoms than the cap (and min(n, cap) of them), molecules
 * kept whole except at most one cut to fill the cap, every bond index inside the frame, exactly the bonds whose both
 * ends are sent, the atoms' own elements and positions; the same again for a frame downsampled further.
 */
class FrameSamplerProperties {
    private static final PhysicsDatabase DB = PhysicsDatabase.builtIn();
    private static final List<ParticleType> TYPES = List.of(ParticleType.of(DB.element("C")), ParticleType.of(DB.element("H")),
            ParticleType.of(DB.element("O")), ParticleType.of(DB.element("N")));
    private static final byte[] Z = {6, 1, 8, 7};
    private static final ForceField FF = new ForceField(TYPES, BondRule.fromDatabase(DB), 2.5);

    @Property(tries = 300)
    void framesKeepMoleculesAndNeverExceedTheCap(@ForAll @IntRange(min = 1, max = 300) int n,
                                                 @ForAll @IntRange(min = 0, max = 600) int bondAttempts,
                                                 @ForAll @IntRange(min = 1, max = 350) int cap,
                                                 @ForAll @IntRange(min = 1, max = 350) int cap2,
                                                 @ForAll long seed) {
        Random r = new Random(seed);
        ParticleState s = new ParticleState(n, n, 1.0);
        Topology t = new Topology(n);
        for (int i = 0; i < n; i++) {
            s.x[i] = i + 0.5; // exact as a float: the frame's x names the atom
            s.y[i] = r.nextDouble();
            s.type[i] = r.nextInt(TYPES.size());
        }
        // chains and clumps: partners near each other in index, sometimes far
        for (int k = 0; k < bondAttempts && n > 1; k++) {
            int i = r.nextInt(n);
            int j = r.nextInt(4) == 0 ? r.nextInt(n) : Math.min(n - 1, i + 1 + r.nextInt(3));
            if (i != j && t.bondOrder(i, j) == 0 && t.degree(i) < Topology.SLOTS && t.degree(j) < Topology.SLOTS) {
                t.addBond(i, j, 1);
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                if (t.partner(i, k) > i) {
                    edges.add(new int[]{i, t.partner(i, k)});
                }
            }
        }
        FrameSampler sampler = new FrameSampler();
        LiveFrame f = sampler.capture(42, s, t, FF, cap);
        assertEquals(42, f.step());
        assertEquals(n, f.totalAtoms());
        int[] original = new int[f.atoms()];
        for (int k = 0; k < f.atoms(); k++) {
            original[k] = (int) f.xy()[2 * k];
            assertEquals(Z[s.type[original[k]]], f.elements()[k], "element of atom " + original[k]);
            assertEquals((float) s.y[original[k]], f.xy()[2 * k + 1]);
        }
        check(n, edges, cap, f, original);

        // a second capture reuses the scratch arrays and gives the same frame
        LiveFrame again = sampler.capture(42, s, t, FF, cap);
        assertArrayEquals(f.elements(), again.elements());
        assertArrayEquals(f.xy(), again.xy());
        assertArrayEquals(f.bonds(), again.bonds());

        // downsampling the frame: the same rules over the frame's own graph
        LiveFrame g = f.downsample(cap2);
        List<int[]> frameEdges = new ArrayList<>();
        for (int b = 0; b < f.bonds().length; b += 2) {
            frameEdges.add(new int[]{f.bonds()[b], f.bonds()[b + 1]});
        }
        Map<Float, Integer> byX = new HashMap<>();
        for (int k = 0; k < f.atoms(); k++) {
            byX.put(f.xy()[2 * k], k);
        }
        int[] inF = new int[g.atoms()];
        for (int k = 0; k < g.atoms(); k++) {
            inF[k] = byX.get(g.xy()[2 * k]);
            assertEquals(f.elements()[inF[k]], g.elements()[k]);
        }
        check(f.atoms(), frameEdges, cap2, g, inF);
        assertEquals(n, g.totalAtoms());
    }

    /** The frame against the graph it was taken from; original[k] = the graph's atom shown as the frame's atom k. */
    private static void check(int n, List<int[]> edges, int cap, LiveFrame f, int[] original) {
        assertEquals(Math.min(n, cap), f.atoms(), "min(n, cap) atoms");
        assertEquals(2 * f.atoms(), f.xy().length);
        assertEquals(f.atoms(), new HashSet<>(java.util.Arrays.stream(original).boxed().toList()).size(), "no atom twice");
        Set<Integer> sent = new HashSet<>();
        for (int o : original) {
            sent.add(o);
        }
        Set<Long> expected = new HashSet<>();
        for (int[] e : edges) {
            if (sent.contains(e[0]) && sent.contains(e[1])) {
                expected.add(key(e[0], e[1]));
            }
        }
        Set<Long> got = new HashSet<>();
        int[] b = f.bonds();
        assertEquals(0, b.length % 2);
        for (int i = 0; i < b.length; i += 2) {
            assertTrue(b[i] >= 0 && b[i] < f.atoms() && b[i + 1] >= 0 && b[i + 1] < f.atoms(), "bond index inside the frame");
            assertTrue(got.add(key(original[b[i]], original[b[i + 1]])), "each bond once");
        }
        assertEquals(expected, got, "exactly the bonds whose both ends are sent");
        // molecules: at most one cut, and only to fill the cap
        int[] comp = components(n, edges);
        Map<Integer, int[]> sizes = new HashMap<>(); // component -> {size, sent}
        for (int i = 0; i < n; i++) {
            sizes.computeIfAbsent(comp[i], c -> new int[2])[0]++;
        }
        for (int o : original) {
            sizes.get(comp[o])[1]++;
        }
        long cut = sizes.values().stream().filter(v -> v[1] > 0 && v[1] < v[0]).count();
        assertTrue(cut <= 1, "at most one molecule cut, got " + cut);
        if (cut == 1) {
            assertEquals(cap, f.atoms(), "a molecule is cut only to fill the cap");
            assertTrue(sizes.values().stream().filter(v -> v[1] > 0 && v[1] < v[0]).allMatch(v -> v[0] > 0));
        }
    }

    private static int[] components(int n, List<int[]> edges) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int[] e : edges) {
            p[find(p, e[0])] = find(p, e[1]);
        }
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = find(p, i);
        }
        return c;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
