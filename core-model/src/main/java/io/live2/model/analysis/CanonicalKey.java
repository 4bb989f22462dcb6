package io.live2.model.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact canonical key of a labelled molecular graph (labels = element symbols or kind names, bond orders 1..3):
 * equal for the same labelled graph under any atom numbering and different for non-isomorphic graphs.
 *
 * <p>Algorithm (individualisation-refinement, the scheme of nauty/bliss without their refinements):
 * <ol>
 *   <li>Initial ordered partition of the atoms by (label in formula order, degree, sum of bond orders).</li>
 *   <li>Refinement to an equitable partition: repeatedly split each cell by the sorted multiset of
 *       (neighbour cell, bond order); cells keep their relative order, so the result is a function of the graph
 *       and of the individualised atoms only, never of the numbering.</li>
 *   <li>While a cell has more than one atom, individualise each atom of the first such cell in turn (it becomes
 *       a singleton placed first in that cell), refine, and recurse. Each discrete partition (leaf) numbers the
 *       atoms; its encoding is the sorted list of (higher position, lower position, order) of the bonds. The
 *       canonical form is the lexicographically smallest leaf encoding.</li>
 *   <li>Pruning by automorphisms, which never changes the result: two atoms of the target cell that are twins
 *       (same label, same neighbours with the same orders) and any automorphism found when two leaves give equal
 *       encodings map subtrees onto each other whenever they fix the already individualised atoms, so only one
 *       atom per orbit of those automorphisms is tried.</li>
 * </ol>
 *
 * <p>The key is {@code <formula>/<bonds>}: a Hill-ordered formula (labels that are not a plain element-like
 * symbol are written in brackets, characters outside [A-Za-z0-9_.+-] as %XX), then the bonds of the canonical
 * numbering as {@code i-j}, {@code i=j}, {@code i#j} (single, double, triple; i &lt; j) joined by '.'.
 * The canonical numbering lists atoms in formula order, so the formula gives every position's label.
 * A one-atom molecule's key is its formula alone. Keys contain no whitespace, quotes, commas, '&lt;', '&gt;' or '&amp;'.
 */
public final class CanonicalKey {
    /** Automorphisms kept for pruning; more are valid but rarely add anything. */
    private static final int MAX_AUTOMORPHISMS = 64;

    private CanonicalKey() {
    }

    public static String of(MoleculeGraph g) {
        return new Search(g).key();
    }

    /** Leaves (discrete partitions) visited by the search for g: a cost measure for tests and docs. */
    static long leavesVisited(MoleculeGraph g) {
        Search s = new Search(g);
        s.key();
        return s.leaves;
    }

    /** The distinct labels of g in formula order: Hill order (C, H, then alphabetical) when C is present. */
    static List<String> formulaOrder(String[] labels) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(counts.size());
        boolean carbon = counts.containsKey("C");
        if (carbon) {
            order.add("C");
            if (counts.containsKey("H")) {
                order.add("H");
            }
        }
        for (String l : counts.keySet()) {
            if (!carbon || (!l.equals("C") && !l.equals("H"))) {
                order.add(l);
            }
        }
        return order;
    }

    /** Hill formula with safe label tokens, e.g. "C2H6O" or "[K1]2[K3]". */
    public static String formula(MoleculeGraph g) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String l : g.labels()) {
            counts.merge(l, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : formulaOrder(g.labels())) {
            sb.append(token(l));
            int c = counts.get(l);
            if (c > 1) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String token(String label) {
        boolean plain = !label.isEmpty() && label.charAt(0) >= 'A' && label.charAt(0) <= 'Z';
        for (int i = 1; plain && i < label.length(); i++) {
            char ch = label.charAt(i);
            plain = ch >= 'a' && ch <= 'z';
        }
        if (plain) {
            return label;
        }
        StringBuilder sb = new StringBuilder("[");
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '+' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.append(']').toString();
    }

    private static final class Search {
        final MoleculeGraph g;
        final int n;
        final int[] adjStart;
        final int[] adjNb;
        final int[] adjOrd;
        final int[] twinA;
        final int[] twinB;
        final List<int[]> autos = new ArrayList<>();
        // scratch for refinement
        final int[] idx;
        final int[] tmp;
        final int[] sig;
        final int[] uf;
        final boolean[] inSeq;
        long[] best;
        int[] bestInv;
        long leaves;

        Search(MoleculeGraph g) {
            this.g = g;
            n = g.atomCount();
            if (n == 0) {
                throw new IllegalArgumentException("a molecule has at least one atom");
            }
            int m = g.bondCount();
            int[] deg = new int[n];
            for (int e = 0; e < m; e++) {
                int a = g.bondA()[e];
                int b = g.bondB()[e];
                int o = g.bondOrder()[e];
                if (a < 0 || b < 0 || a >= n || b >= n || a == b) {
                    throw new IllegalArgumentException("bad bond " + a + "-" + b + " in a molecule of " + n + " atoms");
                }
                if (o < 1 || o > 3) {
                    throw new IllegalArgumentException("bond order must be 1..3, got " + o);
                }
                deg[a]++;
                deg[b]++;
            }
            adjStart = new int[n + 1];
            for (int v = 0; v < n; v++) {
                adjStart[v + 1] = adjStart[v] + deg[v];
            }
            adjNb = new int[2 * m];
            adjOrd = new int[2 * m];
            int[] fill = Arrays.copyOf(adjStart, n);
            for (int e = 0; e < m; e++) {
                int a = g.bondA()[e];
                int b = g.bondB()[e];
                int o = g.bondOrder()[e];
                adjNb[fill[a]] = b;
                adjOrd[fill[a]++] = o;
                adjNb[fill[b]] = a;
                adjOrd[fill[b]++] = o;
            }
            idx = new int[n];
            tmp = new int[n];
            sig = new int[2 * m];
            uf = new int[n];
            inSeq = new boolean[n];
            List<int[]> twins = findTwins();
            twinA = new int[twins.size()];
            twinB = new int[twins.size()];
            for (int t = 0; t < twins.size(); t++) {
                twinA[t] = twins.get(t)[0];
                twinB[t] = twins.get(t)[1];
            }
        }

        String key() {
            String formula = formula(g);
            if (n == 1) {
                return formula;
            }
            int[] color = initialColors();
            int cells = refine(color);
            search(color, cells, new int[n], 0);
            StringBuilder sb = new StringBuilder(formula.length() + 6 * best.length).append(formula).append('/');
            for (int e = 0; e < best.length; e++) {
                long c = best[e];
                int o = (int) (c & 3);
                long pair = c >>> 2;
                long hi = pair / n;
                long lo = pair % n;
                if (e > 0) {
                    sb.append('.');
                }
                sb.append(lo).append(o == 1 ? '-' : o == 2 ? '=' : '#').append(hi);
            }
            return sb.toString();
        }

        /** Pairs (u, v), u &lt; v, with the same label and the same neighbours (other than each other) and orders. */
        private List<int[]> findTwins() {
            List<int[]> out = new ArrayList<>();
            String[] labels = g.labels();
            // candidates share a neighbour, so scan neighbour pairs of every atom
            for (int w = 0; w < n; w++) {
                for (int p = adjStart[w]; p < adjStart[w + 1]; p++) {
                    int u = adjNb[p];
                    for (int q = adjStart[w]; q < adjStart[w + 1]; q++) {
                        int v = adjNb[q];
                        if (u < v && adjOrd[p] == adjOrd[q] && labels[u].equals(labels[v]) && twins(u, v)
                                && !containsPair(out, u, v)) {
                            out.add(new int[] {u, v});
                        }
                    }
                }
            }
            return out;
        }

        private static boolean containsPair(List<int[]> list, int u, int v) {
            for (int[] p : list) {
                if (p[0] == u && p[1] == v) {
                    return true;
                }
            }
            return false;
        }

        private boolean twins(int u, int v) {
            if (adjStart[u + 1] - adjStart[u] != adjStart[v + 1] - adjStart[v]) {
                return false;
            }
            for (int p = adjStart[u]; p < adjStart[u + 1]; p++) {
                int w = adjNb[p];
                int o = adjOrd[p];
                if (w == v) {
                    continue;
                }
                boolean found = false;
                for (int q = adjStart[v]; q < adjStart[v + 1]; q++) {
                    if (adjNb[q] == w && adjOrd[q] == o) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private int[] initialColors() {
            List<String> order = formulaOrder(g.labels());
            int[] rank = new int[n];
            int[] val = new int[n];
            for (int v = 0; v < n; v++) {
                rank[v] = order.indexOf(g.labels()[v]);
                for (int p = adjStart[v]; p < adjStart[v + 1]; p++) {
                    val[v] += adjOrd[p];
                }
            }
            for (int v = 0; v < n; v++) {
                idx[v] = v;
            }
            IntCmp cmp = (a, b) -> {
                int c = Integer.compare(rank[a], rank[b]);
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(adjStart[a + 1] - adjStart[a], adjStart[b + 1] - adjStart[b]);
                return c != 0 ? c : Integer.compare(val[a], val[b]);
            };
            sort(idx, tmp, n, cmp);
            int[] color = new int[n];
            for (int p = 0; p < n; p++) {
                color[idx[p]] = p > 0 && cmp.compare(idx[p - 1], idx[p]) == 0 ? color[idx[p - 1]] : p;
            }
            return color;
        }

        /**
         * Refines the ordered partition (color = start position of the atom's cell) to an equitable one, in place.
         * Returns the number of cells.
         */
        int refine(int[] color) {
            int cells = countCells(color);
            while (cells < n) {
                for (int v = 0; v < n; v++) {
                    int s = adjStart[v];
                    int e = adjStart[v + 1];
                    for (int p = s; p < e; p++) {
                        int code = (color[adjNb[p]] << 2) | adjOrd[p];
                        int q = p;
                        while (q > s && sig[q - 1] > code) {
                            sig[q] = sig[q - 1];
                            q--;
                        }
                        sig[q] = code;
                    }
                    idx[v] = v;
                }
                IntCmp cmp = (a, b) -> {
                    int c = Integer.compare(color[a], color[b]);
                    if (c != 0) {
                        return c;
                    }
                    int sa = adjStart[a];
                    int la = adjStart[a + 1] - sa;
                    int sb = adjStart[b];
                    int lb = adjStart[b + 1] - sb;
                    int l = Math.min(la, lb);
                    for (int k = 0; k < l; k++) {
                        c = Integer.compare(sig[sa + k], sig[sb + k]);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.compare(la, lb);
                };
                sort(idx, tmp, n, cmp);
                // new colors into tmp (the sort is done with it)
                int newCells = 0;
                for (int p = 0; p < n; p++) {
                    if (p == 0 || cmp.compare(idx[p - 1], idx[p]) != 0) {
                        tmp[idx[p]] = p;
                        newCells++;
                    } else {
                        tmp[idx[p]] = tmp[idx[p - 1]];
                    }
                }
                if (newCells == cells) {
                    break;
                }
                System.arraycopy(tmp, 0, color, 0, n);
                cells = newCells;
            }
            return cells;
        }

        private int countCells(int[] color) {
            int cells = 0;
            boolean[] seen = new boolean[n];
            for (int v = 0; v < n; v++) {
                if (!seen[color[v]]) {
                    seen[color[v]] = true;
                    cells++;
                }
            }
            return cells;
        }

        private void search(int[] color, int cells, int[] seq, int depth) {
            if (cells == n) {
                leaf(color);
                return;
            }
            int[] size = new int[n];
            for (int v = 0; v < n; v++) {
                size[color[v]]++;
            }
            int target = 0;
            while (size[target] <= 1) {
                target++;
            }
            int[] cand = new int[size[target]];
            int k = 0;
            for (int v = 0; v < n; v++) {
                if (color[v] == target) {
                    cand[k++] = v;
                }
            }
            int[] explored = new int[cand.length];
            int ne = 0;
            for (int v : cand) {
                if (ne > 0 && inExploredOrbit(v, explored, ne, seq, depth)) {
                    continue;
                }
                int[] child = color.clone();
                for (int w : cand) {
                    if (w != v) {
                        child[w] = target + 1;
                    }
                }
                seq[depth] = v;
                int c = refine(child);
                search(child, c, seq, depth + 1);
                explored[ne++] = v;
            }
        }

        private boolean inExploredOrbit(int v, int[] explored, int ne, int[] seq, int depth) {
            for (int i = 0; i < n; i++) {
                uf[i] = i;
            }
            for (int i = 0; i < depth; i++) {
                inSeq[seq[i]] = true;
            }
            for (int t = 0; t < twinA.length; t++) {
                if (!inSeq[twinA[t]] && !inSeq[twinB[t]]) {
                    union(twinA[t], twinB[t]);
                }
            }
            for (int[] gamma : autos) {
                boolean fixes = true;
                for (int i = 0; i < depth && fixes; i++) {
                    fixes = gamma[seq[i]] == seq[i];
                }
                if (fixes) {
                    for (int i = 0; i < n; i++) {
                        union(i, gamma[i]);
                    }
                }
            }
            for (int i = 0; i < depth; i++) {
                inSeq[seq[i]] = false;
            }
            int r = findRoot(v);
            for (int i = 0; i < ne; i++) {
                if (findRoot(explored[i]) == r) {
                    return true;
                }
            }
            return false;
        }

        private int findRoot(int i) {
            while (uf[i] != i) {
                uf[i] = uf[uf[i]];
                i = uf[i];
            }
            return i;
        }

        private void union(int a, int b) {
            int ra = findRoot(a);
            int rb = findRoot(b);
            if (ra != rb) {
                if (ra < rb) {
                    uf[rb] = ra;
                } else {
                    uf[ra] = rb;
                }
            }
        }

        private void leaf(int[] pos) {
            leaves++;
            int m = g.bondCount();
            long[] enc = new long[m];
            for (int e = 0; e < m; e++) {
                int p = pos[g.bondA()[e]];
                int q = pos[g.bondB()[e]];
                long hi = Math.max(p, q);
                long lo = Math.min(p, q);
                enc[e] = ((hi * n + lo) << 2) | g.bondOrder()[e];
            }
            Arrays.sort(enc);
            int c = best == null ? -1 : Arrays.compare(enc, best);
            if (c < 0) {
                best = enc;
                bestInv = new int[n];
                for (int v = 0; v < n; v++) {
                    bestInv[pos[v]] = v;
                }
            } else if (c == 0 && autos.size() < MAX_AUTOMORPHISMS) {
                int[] gamma = new int[n];
                boolean identity = true;
                for (int v = 0; v < n; v++) {
                    gamma[v] = bestInv[pos[v]];
                    identity &= gamma[v] == v;
                }
                if (!identity) {
                    autos.add(gamma);
                }
            }
        }
    }

    @FunctionalInterface
    private interface IntCmp {
        int compare(int a, int b);
    }

    /** Stable sort of a[0..n) by cmp; insertion sort for short runs, merge sort otherwise; buf is scratch. */
    private static void sort(int[] a, int[] buf, int n, IntCmp cmp) {
        if (n <= 24) {
            insertion(a, 0, n, cmp);
            return;
        }
        mergeSort(a, buf, 0, n, cmp);
    }

    private static void insertion(int[] a, int from, int to, IntCmp cmp) {
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i;
            while (j > from && cmp.compare(a[j - 1], x) > 0) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }

    private static void mergeSort(int[] a, int[] buf, int from, int to, IntCmp cmp) {
        if (to - from <= 24) {
            insertion(a, from, to, cmp);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid, cmp);
        mergeSort(a, buf, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buf, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = cmp.compare(buf[i], buf[j]) <= 0 ? buf[i++] : buf[j++];
        }
        while (i < mid) {
            a[k++] = buf[i++];
        }
        while (j < to) {
            a[k++] = buf[j++];
        }
    }
}
