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
 *   <li>Refinement to the coarsest equitable partition: cells taken as splitters from a FIFO queue split every
 *       cell by each atom's count of single, double and triple bonds into the splitter (Hopcroft's rule for
 *       re-queueing fragments); cells keep their place in the order and every choice depends on positions and counts
 *       only, so the result is a function of the graph and of the individualised atoms, never of the numbering.</li>
 *   <li>While a cell has more than one atom, individualise each atom of the first such cell in turn (it becomes
 *       a singleton placed first in that cell), refine, and recurse. Each discrete partition (leaf) numbers the
 *       atoms; its encoding is the sorted list of (higher position, lower position, order) of the bonds. The
 *       canonical form is the lexicographically smallest leaf encoding.</li>
 *   <li>Pruning by automorphisms, which never changes the result: two atoms of the target cell that are twins
 *       (same label, same neighbours with the same orders) and any automorphism found when two leaves give equal
 *       encodings map subtrees onto each other whenever they fix the already individualised atoms, so only one
 *       atom per orbit of those automorphisms is tried. A cell whose atoms are all twins of its first atom is
 *       individualised at its first atom without branching.</li>
 * </ol>
 *
 * <p>The key is {@code <formula>/<bonds>}: a Hill-ordered formula (labels that are not a plain element-like
 * symbol are written in brackets, characters outside [A-Za-z0-9_.+-] as %XX), then the bonds of the canonical
 * numbering as {@code i-j}, {@code i=j}, {@code i#j} (single, double, triple; i &lt; j) joined by '.'.
 * The canonical numbering lists atoms in formula order, so the formula gives every position's label.
 * A one-atom molecule's key is its formula alone. Keys contain no whitespace, quotes, commas, '&lt;', '&gt;' or '&amp;'.
 */
public final class CanonicalKey {
    /**
     * Automorphisms kept for pruning: at least 64, and up to 2^22 stored ints in all. Pruning with any subset of
     * automorphisms is correct; the bound only limits memory.
     */
    private static final int MIN_AUTOMORPHISMS = 64;
    private static final int AUTOMORPHISM_INTS = 1 << 22;

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

    /** Bond weights for the refinement keys: counts of single, double and triple bonds into the splitter. */
    private static final long[] WEIGHT = {0, 1L, 1L << 21, 1L << 42};

    /** An ordered partition: lab[position] = atom, cells are runs of positions starting at cellOf[atom]. */
    private static final class Partition {
        final int[] lab;
        final int[] pos;
        final int[] cellOf;
        final int[] cellEnd;
        int cells;

        Partition(int n) {
            lab = new int[n];
            pos = new int[n];
            cellOf = new int[n];
            cellEnd = new int[n + 1];
        }

        Partition copy() {
            Partition c = new Partition(lab.length);
            System.arraycopy(lab, 0, c.lab, 0, lab.length);
            System.arraycopy(pos, 0, c.pos, 0, pos.length);
            System.arraycopy(cellOf, 0, c.cellOf, 0, cellOf.length);
            System.arraycopy(cellEnd, 0, c.cellEnd, 0, cellEnd.length);
            c.cells = cells;
            return c;
        }
    }

    private static final class Search {
        final MoleculeGraph g;
        final int n;
        final int[] adjStart;
        final int[] adjNb;
        final int[] adjOrd;
        final int[] twinA;
        final int[] twinB;
        final int[] twinStart;
        final int[] twinOf;
        /** Automorphisms found, each as (atom, image) pairs of the atoms it moves. */
        final List<int[]> autos = new ArrayList<>();
        long autoInts;
        // scratch for refinement
        final int[] tmp;
        final long[] key;
        final int[] touched;
        final int[] touchedCells;
        final int[] cellCount;
        final int[] cellFill;
        final int[] seg;
        final int[] fragStart;
        final int[] queue;
        final boolean[] inQueue;
        int qHead;
        int qSize;
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
            tmp = new int[n];
            key = new long[n];
            touched = new int[n];
            touchedCells = new int[n];
            cellCount = new int[n];
            cellFill = new int[n];
            seg = new int[n];
            fragStart = new int[n + 1];
            queue = new int[n];
            inQueue = new boolean[n];
            inSeq = new boolean[n];
            List<int[]> twins = findTwins();
            twinA = new int[twins.size()];
            twinB = new int[twins.size()];
            twinStart = new int[n + 1];
            for (int t = 0; t < twins.size(); t++) {
                twinA[t] = twins.get(t)[0];
                twinB[t] = twins.get(t)[1];
                twinStart[twinA[t] + 1]++;
                twinStart[twinB[t] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                twinStart[v + 1] += twinStart[v];
            }
            twinOf = new int[2 * twins.size()];
            int[] tf = Arrays.copyOf(twinStart, n);
            for (int t = 0; t < twins.size(); t++) {
                twinOf[tf[twinA[t]]++] = twinB[t];
                twinOf[tf[twinB[t]]++] = twinA[t];
            }
        }

        String key() {
            String formula = formula(g);
            if (n == 1) {
                return formula;
            }
            Partition p = initialPartition();
            search(p, new int[n], 0);
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
            java.util.HashSet<Long> seen = new java.util.HashSet<>();
            String[] labels = g.labels();
            // candidates share a neighbour, so scan neighbour pairs of every atom
            for (int w = 0; w < n; w++) {
                for (int p = adjStart[w]; p < adjStart[w + 1]; p++) {
                    int u = adjNb[p];
                    for (int q = adjStart[w]; q < adjStart[w + 1]; q++) {
                        int v = adjNb[q];
                        if (u < v && adjOrd[p] == adjOrd[q] && labels[u].equals(labels[v])
                                && seen.add((long) u * n + v) && twins(u, v)) {
                            out.add(new int[] {u, v});
                        }
                    }
                }
            }
            return out;
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

        /** Ordered partition by (label in formula order, degree, sum of bond orders), refined to equitable. */
        private Partition initialPartition() {
            List<String> order = formulaOrder(g.labels());
            int[] rank = new int[n];
            int[] val = new int[n];
            for (int v = 0; v < n; v++) {
                rank[v] = order.indexOf(g.labels()[v]);
                for (int q = adjStart[v]; q < adjStart[v + 1]; q++) {
                    val[v] += adjOrd[q];
                }
            }
            Partition p = new Partition(n);
            for (int v = 0; v < n; v++) {
                p.lab[v] = v;
            }
            IntCmp cmp = (a, b) -> {
                int c = Integer.compare(rank[a], rank[b]);
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(adjStart[a + 1] - adjStart[a], adjStart[b + 1] - adjStart[b]);
                return c != 0 ? c : Integer.compare(val[a], val[b]);
            };
            sort(p.lab, tmp, 0, n, cmp);
            qHead = 0;
            qSize = 0;
            int startPos = 0;
            for (int q = 0; q < n; q++) {
                int v = p.lab[q];
                p.pos[v] = q;
                if (q > 0 && cmp.compare(p.lab[q - 1], v) != 0) {
                    p.cellEnd[startPos] = q;
                    enqueue(startPos);
                    startPos = q;
                    p.cells++;
                }
                p.cellOf[v] = startPos;
            }
            p.cellEnd[startPos] = n;
            enqueue(startPos);
            p.cells++;
            refine(p);
            return p;
        }

        private void enqueue(int cell) {
            if (!inQueue[cell]) {
                inQueue[cell] = true;
                queue[(qHead + qSize++) % n] = cell;
            }
        }

        /**
         * Refines p to the coarsest equitable ordered partition finer than it, using the queued cells as splitters
         * (Hopcroft-style: of the fragments of a cell not waiting in the queue, all but the largest are queued).
         * Every choice depends on cell positions and counts only, so the result is equivariant.
         */
        void refine(Partition p) {
            int[] lab = p.lab;
            int[] pos = p.pos;
            int[] cellOf = p.cellOf;
            int[] cellEnd = p.cellEnd;
            while (qSize > 0 && p.cells < n) {
                int w = queue[qHead];
                qHead = (qHead + 1) % n;
                qSize--;
                inQueue[w] = false;
                int we = cellEnd[w];
                int nt = 0;
                for (int q = w; q < we; q++) {
                    int x = lab[q];
                    for (int a = adjStart[x]; a < adjStart[x + 1]; a++) {
                        int u = adjNb[a];
                        if (key[u] == 0) {
                            touched[nt++] = u;
                        }
                        key[u] += WEIGHT[adjOrd[a]];
                    }
                }
                int nc = 0;
                for (int i = 0; i < nt; i++) {
                    int c = cellOf[touched[i]];
                    if (cellEnd[c] - c > 1) {
                        if (cellCount[c] == 0) {
                            touchedCells[nc++] = c;
                        }
                        cellCount[c]++;
                    }
                }
                Arrays.sort(touchedCells, 0, nc);
                // group the touched vertices by cell into seg[]
                int off = 0;
                for (int i = 0; i < nc; i++) {
                    int c = touchedCells[i];
                    cellFill[c] = off;
                    off += cellCount[c];
                }
                for (int i = 0; i < nt; i++) {
                    int u = touched[i];
                    int c = cellOf[u];
                    if (cellEnd[c] - c > 1) {
                        seg[cellFill[c]++] = u;
                    }
                }
                off = 0;
                for (int i = 0; i < nc; i++) {
                    int c = touchedCells[i];
                    int t = cellCount[c];
                    splitCell(p, c, off, t);
                    off += t;
                    cellCount[c] = 0;
                }
                for (int i = 0; i < nt; i++) {
                    key[touched[i]] = 0;
                }
            }
            // leave the queue empty for the next refinement
            while (qSize > 0) {
                inQueue[queue[qHead]] = false;
                qHead = (qHead + 1) % n;
                qSize--;
            }
        }

        /** Splits cell c by key[] using its touched members seg[off, off + t). */
        private void splitCell(Partition p, int c, int off, int t) {
            int[] lab = p.lab;
            int[] pos = p.pos;
            int e = p.cellEnd[c];
            int size = e - c;
            sort(seg, tmp, off, off + t, (a, b) -> Long.compare(key[a], key[b]));
            if (t == size && key[seg[off]] == key[seg[off + t - 1]]) {
                return;
            }
            int tail = e - t;
            // move the touched vertices into [tail, e), untouched ones to [c, tail)
            int q = tail;
            for (int i = off; i < off + t; i++) {
                int u = seg[i];
                if (p.pos[u] < tail) {
                    while (key[lab[q]] != 0) {
                        q++;
                    }
                    int x = lab[q];
                    int pu = pos[u];
                    lab[pu] = x;
                    pos[x] = pu;
                    lab[q] = u;
                    pos[u] = q;
                }
            }
            for (int i = 0; i < t; i++) {
                int u = seg[off + i];
                lab[tail + i] = u;
                pos[u] = tail + i;
            }
            // fragments: [c, tail) when non-empty, then runs of equal key in the tail; fragStart[0] == c, nf >= 2
            int nf = 0;
            if (tail > c) {
                fragStart[nf++] = c;
            }
            for (int i = 0; i < t; i++) {
                if (i == 0 || key[seg[off + i]] != key[seg[off + i - 1]]) {
                    fragStart[nf++] = tail + i;
                }
            }
            fragStart[nf] = e;
            boolean wasQueued = inQueue[c];
            int largest = 0;
            for (int f = 0; f < nf; f++) {
                int fs = fragStart[f];
                int fe = fragStart[f + 1];
                p.cellEnd[fs] = fe;
                if (f > 0) {
                    for (int r = fs; r < fe; r++) {
                        p.cellOf[lab[r]] = fs;
                    }
                }
                if (fe - fs > fragStart[largest + 1] - fragStart[largest]) {
                    largest = f;
                }
            }
            p.cells += nf - 1;
            for (int f = 0; f < nf; f++) {
                if (wasQueued ? f > 0 : f != largest) {
                    enqueue(fragStart[f]);
                }
            }
        }

        private void search(Partition p, int[] seq, int depth) {
            int target;
            int[] cand;
            while (true) {
                if (p.cells == n) {
                    leaf(p.pos);
                    return;
                }
                target = 0;
                while (p.cellEnd[target] - target == 1) {
                    target = p.cellEnd[target];
                }
                cand = Arrays.copyOfRange(p.lab, target, p.cellEnd[target]);
                Arrays.sort(cand);
                if (!allTwinsOfFirst(cand)) {
                    break;
                }
                // every atom of the cell is a twin of the first: all children are equivalent, so take the first
                // without branching (no recursion, so long runs of twin cells cost no stack)
                individualiseInPlace(p, cand[0], target);
                seq[depth++] = cand[0];
            }
            int[] explored = new int[cand.length];
            int ne = 0;
            int[] orbits = null;
            int orbitsFrom = -1;
            for (int v : cand) {
                if (ne > 0) {
                    if (twinOfAny(v, explored, ne)) {
                        // swapping two twins is an automorphism fixing every other atom, so it fixes this node
                        continue;
                    }
                    if (orbits == null || orbitsFrom != autos.size()) {
                        // orbits under the known automorphisms fixing this node, rebuilt only when new ones appear
                        orbits = orbits(seq, depth);
                        orbitsFrom = autos.size();
                    }
                    if (inExploredOrbit(orbits, v, explored, ne)) {
                        continue;
                    }
                }
                Partition child = individualise(p, v, target);
                seq[depth] = v;
                search(child, seq, depth + 1);
                explored[ne++] = v;
            }
        }

        /** A copy of p with v made a singleton first in its cell (which starts at target), refined. */
        private Partition individualise(Partition p, int v, int target) {
            Partition child = p.copy();
            individualiseInPlace(child, v, target);
            return child;
        }

        /** Makes v a singleton first in its cell (which starts at target) and refines. */
        private void individualiseInPlace(Partition child, int v, int target) {
            int end = child.cellEnd[target];
            int pv = child.pos[v];
            int x = child.lab[target];
            child.lab[pv] = x;
            child.pos[x] = pv;
            child.lab[target] = v;
            child.pos[v] = target;
            child.cellEnd[target] = target + 1;
            child.cellEnd[target + 1] = end;
            for (int r = target + 1; r < end; r++) {
                child.cellOf[child.lab[r]] = target + 1;
            }
            child.cells++;
            enqueue(target);
            refine(child);
        }

        private boolean allTwinsOfFirst(int[] cand) {
            int first = cand[0];
            for (int i = 1; i < cand.length; i++) {
                boolean twin = false;
                for (int t = twinStart[first]; t < twinStart[first + 1] && !twin; t++) {
                    twin = twinOf[t] == cand[i];
                }
                if (!twin) {
                    return false;
                }
            }
            return true;
        }

        private boolean twinOfAny(int v, int[] explored, int ne) {
            for (int t = twinStart[v]; t < twinStart[v + 1]; t++) {
                int w = twinOf[t];
                for (int i = 0; i < ne; i++) {
                    if (explored[i] == w) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Union-find forest of the orbits of the known automorphisms that fix seq[0..depth) pointwise. */
        private int[] orbits(int[] seq, int depth) {
            int[] uf = new int[n];
            for (int i = 0; i < n; i++) {
                uf[i] = i;
            }
            for (int i = 0; i < depth; i++) {
                inSeq[seq[i]] = true;
            }
            for (int t = 0; t < twinA.length; t++) {
                if (!inSeq[twinA[t]] && !inSeq[twinB[t]]) {
                    union(uf, twinA[t], twinB[t]);
                }
            }
            for (int[] gamma : autos) {
                // gamma is stored sparsely as (atom, image) pairs of its moved atoms; it fixes the node's
                // individualised atoms pointwise exactly when none of them is moved
                boolean fixes = true;
                for (int i = 0; i < gamma.length && fixes; i += 2) {
                    fixes = !inSeq[gamma[i]];
                }
                if (fixes) {
                    for (int i = 0; i < gamma.length; i += 2) {
                        union(uf, gamma[i], gamma[i + 1]);
                    }
                }
            }
            for (int i = 0; i < depth; i++) {
                inSeq[seq[i]] = false;
            }
            return uf;
        }

        private static boolean inExploredOrbit(int[] uf, int v, int[] explored, int ne) {
            int r = findRoot(uf, v);
            for (int i = 0; i < ne; i++) {
                if (findRoot(uf, explored[i]) == r) {
                    return true;
                }
            }
            return false;
        }

        private static int findRoot(int[] uf, int i) {
            while (uf[i] != i) {
                uf[i] = uf[uf[i]];
                i = uf[i];
            }
            return i;
        }

        private static void union(int[] uf, int a, int b) {
            int ra = findRoot(uf, a);
            int rb = findRoot(uf, b);
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
            } else if (c == 0 && (autos.size() < MIN_AUTOMORPHISMS || autoInts < AUTOMORPHISM_INTS)) {
                int moved = 0;
                for (int v = 0; v < n; v++) {
                    if (bestInv[pos[v]] != v) {
                        moved++;
                    }
                }
                if (moved > 0) {
                    int[] gamma = new int[2 * moved];
                    int k = 0;
                    for (int v = 0; v < n; v++) {
                        int img = bestInv[pos[v]];
                        if (img != v) {
                            gamma[k++] = v;
                            gamma[k++] = img;
                        }
                    }
                    autos.add(gamma);
                    autoInts += gamma.length;
                }
            }
        }
    }

    @FunctionalInterface
    private interface IntCmp {
        int compare(int a, int b);
    }

    /** Stable sort of a[from..to) by cmp; insertion sort for short runs, merge sort otherwise; buf is scratch. */
    private static void sort(int[] a, int[] buf, int from, int to, IntCmp cmp) {
        mergeSort(a, buf, from, to, cmp);
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
