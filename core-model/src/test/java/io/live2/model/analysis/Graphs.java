package io.live2.model.analysis;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.io.Snapshot;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: molecule graphs from label and bond lists, permutations, brute-force canonical forms, snapshots. */
final class Graphs {
    private Graphs() {
    }

    /** bonds as {a, b, order} triples. */
    static MoleculeGraph graph(String[] labels, int[][] bonds) {
        int n = labels.length;
        long[] ids = new long[n];
        boolean[] el = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            el[i] = true;
        }
        int[] a = new int[bonds.length];
        int[] b = new int[bonds.length];
        int[] o = new int[bonds.length];
        for (int e = 0; e < bonds.length; e++) {
            a[e] = bonds[e][0];
            b[e] = bonds[e][1];
            o[e] = bonds[e].length > 2 ? bonds[e][2] : 1;
        }
        return new MoleculeGraph(labels.clone(), el, ids, a, b, o, new double[n], new double[n]);
    }

    /** The graph with atom i moved to local index perm[i]; bonds listed in a shuffled order with swapped ends. */
    static MoleculeGraph permute(MoleculeGraph g, int[] perm, boolean swapEnds) {
        int n = g.atomCount();
        String[] labels = new String[n];
        boolean[] el = new boolean[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            labels[perm[i]] = g.labels()[i];
            el[perm[i]] = g.elemental()[i];
            ids[perm[i]] = g.atomIds()[i];
        }
        int m = g.bondCount();
        int[] a = new int[m];
        int[] b = new int[m];
        int[] o = new int[m];
        for (int e = 0; e < m; e++) {
            int src = m - 1 - e;
            int x = perm[g.bondA()[src]];
            int y = perm[g.bondB()[src]];
            a[e] = swapEnds ? y : x;
            b[e] = swapEnds ? x : y;
            o[e] = g.bondOrder()[src];
        }
        return new MoleculeGraph(labels, el, ids, a, b, o, new double[n], new double[n]);
    }

    /** Lexicographically smallest (labels, adjacency matrix) string over all n! numberings. */
    static String bruteForce(MoleculeGraph g) {
        int n = g.atomCount();
        int[][] adj = new int[n][n];
        for (int e = 0; e < g.bondCount(); e++) {
            adj[g.bondA()[e]][g.bondB()[e]] = g.bondOrder()[e];
            adj[g.bondB()[e]][g.bondA()[e]] = g.bondOrder()[e];
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        String[] best = {null};
        permutations(p, 0, () -> {
            // p[k] = the atom at canonical position k
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sb.append(g.labels()[p[k]]).append(';');
            }
            sb.append('|');
            for (int k = 0; k < n; k++) {
                for (int l = 0; l < k; l++) {
                    sb.append(adj[p[k]][p[l]]);
                }
            }
            String s = sb.toString();
            if (best[0] == null || s.compareTo(best[0]) < 0) {
                best[0] = s;
            }
        });
        return best[0];
    }

    static List<int[]> allPermutations(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        List<int[]> out = new ArrayList<>();
        permutations(p, 0, () -> out.add(p.clone()));
        return out;
    }

    private static void permutations(int[] p, int k, Runnable visit) {
        if (k == p.length) {
            visit.run();
            return;
        }
        for (int i = k; i < p.length; i++) {
            int t = p[k];
            p[k] = p[i];
            p[i] = t;
            permutations(p, k + 1, visit);
            p[i] = p[k];
            p[k] = t;
        }
    }

    static final List<ParticleType> TYPES = List.of(
            new ParticleType("C", "C", 12.011, 4, 0.34, 0.36, 1.0),
            new ParticleType("H", "H", 1.008, 1, 0.25, 0.13, 1.0),
            new ParticleType("O", "O", 15.999, 2, 0.30, 0.65, 1.0),
            new ParticleType("N", "N", 14.007, 3, 0.32, 0.71, 1.0),
            new ParticleType("K1", null, 10.0, 3, 0.3, 0.5, 0.5));

    /**
     * A snapshot with atoms of the given types (slot i has id ids[i]) and bonds given by slot pairs {i, j, order}.
     */
    static Snapshot snapshot(long step, int[] types, long[] ids, double[] x, double[] y, double box, int[][] bonds) {
        int n = types.length;
        ParticleState st = new ParticleState(n, box, box);
        for (int i = 0; i < n; i++) {
            st.type[i] = types[i];
            st.id[i] = ids[i];
            st.x[i] = x[i];
            st.y[i] = y[i];
        }
        Topology t = new Topology(n);
        for (int[] b : bonds) {
            t.addBond(b[0], b[1], b[2]);
        }
        return new Snapshot(step, step * 0.001, TYPES, st, t);
    }
}
