package io.live2.model.analysis;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.io.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Molecules of a snapshot: the connected components of its bond graph, found with union-find (union by smaller
 * root, path halving). Every atom belongs to exactly one molecule; free atoms are one-atom molecules.
 *
 * <p>Order is a pure function of the atom ids and the bonds, never of the slot order in the state arrays:
 * molecules are sorted by their smallest atom id, atoms within a molecule by atom id (that is the local index
 * order), bonds by (a, b) with a &lt; b in local indices. Coordinates are unwrapped with the minimum image along
 * a breadth-first spanning tree from local atom 0, so each molecule is whole.
 */
public final class MoleculeExtractor {
    private MoleculeExtractor() {
    }

    public static List<MoleculeGraph> extract(Snapshot s) {
        ParticleState st = s.state();
        Topology top = s.topology();
        int n = st.n;
        if (top.size() != n) {
            throw new IllegalArgumentException("topology has " + top.size() + " atoms, state has " + n);
        }
        int[] bySlotOrder = slotsInIdOrder(st.id, n);

        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int d = top.degree(i);
            for (int k = 0; k < d; k++) {
                int j = top.partner(i, k);
                if (j > i) {
                    int ri = find(parent, i);
                    int rj = find(parent, j);
                    if (ri != rj) {
                        if (ri < rj) {
                            parent[rj] = ri;
                        } else {
                            parent[ri] = rj;
                        }
                    }
                }
            }
        }
        // component index per root, numbered in order of first appearance in id order (= smallest atom id)
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] compOfSlot = new int[n];
        int components = 0;
        int[] sizes = new int[Math.max(n, 1)];
        for (int r = 0; r < n; r++) {
            int slot = bySlotOrder[r];
            int root = find(parent, slot);
            int c = comp[root];
            if (c < 0) {
                c = components++;
                comp[root] = c;
            }
            compOfSlot[slot] = c;
            sizes[c]++;
        }
        int[] start = new int[components + 1];
        for (int c = 0; c < components; c++) {
            start[c + 1] = start[c] + sizes[c];
        }
        int[] fill = Arrays.copyOf(start, components);
        int[] members = new int[n];
        int[] local = new int[n];
        for (int r = 0; r < n; r++) {
            int slot = bySlotOrder[r];
            int c = compOfSlot[slot];
            local[slot] = fill[c] - start[c];
            members[fill[c]++] = slot;
        }

        List<ParticleType> types = s.types();
        int nt = types.size();
        String[] typeLabel = new String[nt];
        boolean[] typeElemental = new boolean[nt];
        for (int t = 0; t < nt; t++) {
            ParticleType pt = types.get(t);
            typeElemental[t] = pt.element() != null;
            typeLabel[t] = pt.element() != null ? pt.element() : pt.name();
        }

        List<MoleculeGraph> out = new ArrayList<>(components);
        int[] nb = new int[Topology.SLOTS];
        int[] queue = new int[Math.max(n, 1)];
        boolean[] seen = new boolean[Math.max(n, 1)];
        for (int c = 0; c < components; c++) {
            int m = start[c + 1] - start[c];
            int base = start[c];
            String[] labels = new String[m];
            boolean[] elemental = new boolean[m];
            long[] ids = new long[m];
            int bonds = 0;
            for (int a = 0; a < m; a++) {
                int slot = members[base + a];
                int t = st.type[slot];
                labels[a] = typeLabel[t];
                elemental[a] = typeElemental[t];
                ids[a] = st.id[slot];
                bonds += top.degree(slot);
            }
            bonds /= 2;
            int[] ba = new int[bonds];
            int[] bb = new int[bonds];
            int[] bo = new int[bonds];
            int e = 0;
            for (int a = 0; a < m; a++) {
                int slot = members[base + a];
                int d = top.degree(slot);
                int cnt = 0;
                for (int k = 0; k < d; k++) {
                    int b = local[top.partner(slot, k)];
                    if (b > a) {
                        // insertion sort by local index; the order is packed in the low bits
                        int v = (b << 2) | top.orderAt(slot, k);
                        int q = cnt++;
                        while (q > 0 && nb[q - 1] > v) {
                            nb[q] = nb[q - 1];
                            q--;
                        }
                        nb[q] = v;
                    }
                }
                for (int q = 0; q < cnt; q++) {
                    ba[e] = a;
                    bb[e] = nb[q] >>> 2;
                    bo[e] = nb[q] & 3;
                    e++;
                }
            }
            double[] x = new double[m];
            double[] y = new double[m];
            unwrap(st, top, members, base, m, local, x, y, queue, seen, nb);
            out.add(new MoleculeGraph(labels, elemental, ids, ba, bb, bo, x, y));
        }
        return out;
    }

    /**
     * BFS from local atom 0 over the molecule's bonds, neighbours in local order; each newly reached atom is placed
     * at its BFS parent plus the minimum-image bond vector.
     */
    private static void unwrap(ParticleState st, Topology top, int[] members, int base, int m, int[] local,
                               double[] x, double[] y, int[] queue, boolean[] seen, int[] nb) {
        int s0 = members[base];
        x[0] = st.x[s0];
        y[0] = st.y[s0];
        if (m == 1) {
            return;
        }
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            int a = queue[head++];
            int slot = members[base + a];
            int d = top.degree(slot);
            // neighbours in local-index (atom id) order, so the spanning tree never depends on the slot order
            int cnt = 0;
            for (int k = 0; k < d; k++) {
                int b = local[top.partner(slot, k)];
                int q = cnt++;
                while (q > 0 && nb[q - 1] > b) {
                    nb[q] = nb[q - 1];
                    q--;
                }
                nb[q] = b;
            }
            for (int k = 0; k < cnt; k++) {
                int b = nb[k];
                int js = members[base + b];
                if (!seen[b]) {
                    seen[b] = true;
                    x[b] = x[a] + st.minImageX(st.x[js] - st.x[slot]);
                    y[b] = y[a] + st.minImageY(st.y[js] - st.y[slot]);
                    queue[tail++] = b;
                }
            }
        }
        for (int q = 0; q < tail; q++) {
            seen[queue[q]] = false;
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Slot indices ordered by atom id (ties, which a valid state never has, by slot). */
    static int[] slotsInIdOrder(long[] id, int n) {
        int[] order = new int[n];
        boolean sorted = true;
        boolean packable = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && id[i] < id[i - 1]) {
                sorted = false;
            }
            if (id[i] < 0 || id[i] > Integer.MAX_VALUE) {
                packable = false;
            }
        }
        if (sorted) {
            return order;
        }
        if (packable) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (id[i] << 32) | i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < n; i++) {
                order[i] = (int) packed[i];
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> a.equals(b) ? 0 : id[a] != id[b] ? Long.compare(id[a], id[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
