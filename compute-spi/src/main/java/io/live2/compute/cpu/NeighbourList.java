package io.live2.compute.cpu;

import io.live2.compute.kernels.Blocks;
import io.live2.compute.kernels.PairsWithin;
import io.live2.compute.kernels.WorkerPool;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

import java.util.Arrays;

/**
 * Full Verlet lists: for every atom, all non-excluded partners within reach = cutoff + skin, stored in a flat
 * int array with a fixed stride per atom and sorted ascending by index. Ascending order makes each atom's force
 * sum follow the reference backend's j = 0..n-1 order, so forces are bit-identical to it.
 *
 * <p>Build, in three passes so that no list ever needs a general sort:
 * <ol>
 *   <li>parallel: each atom finds its partners j &gt; i through the cell grid (cells at least reach wide; over all
 *       pairs when the box is fewer than 3 cells across) and insertion-sorts that short "upper" list;</li>
 *   <li>serial: walking i ascending, i is appended to the list of each of its upper partners, so every atom's
 *       lower partners (all &lt; it) arrive already in ascending order;</li>
 *   <li>parallel: each atom's sorted upper partners (all &gt; it) are appended after its lower ones.</li>
 * </ol>
 * Distances are computed once per pair, and each atom only sorts about half its list. Pass 2 also records, for
 * each upper slot, the mirror slot where i appears in its partner's list, so a kernel can compute a pair once
 * and hand the partner its share.
 *
 * <p>Validity: the list is rebuilt when any atom has moved more than skin/2 since the last build (then no pair
 * can have closed from beyond reach to within the cutoff) or when the topology changed.
 */
final class NeighbourList {
    private final ParticleState s;
    private final Topology topology;
    private final double reach;
    private final double reach2;
    private final double cutoff;
    private final double boxX;
    private final double boxY;
    private final int cellsX;
    private final int cellsY;
    private final boolean allPairs;
    private final int[] cellStart;
    private final int[] cellAtoms;
    // positions in cell order (cellX[k] is the x of cellAtoms[k]), so the candidate scan reads memory in sequence
    private final double[] cellX;
    private final double[] cellY;
    private final int[] cellFill;
    private final int[] atomCell;
    private final double[] x0;
    private final double[] y0;
    private final int[] upperCount;
    private final int[] maxUpperPerBlock;
    private final boolean[] movedPerBlock;
    private int[] upper;
    private int upperStride;
    private double allowedMove2;
    /** Per-thread candidate buffers, at least as long as the atoms in any 3 x 3 block of cells (plus one). */
    private final int[][] candidates;
    private int maxCandidates;

    private final WorkerPool.BlockTask displacementTask = (b, w) -> checkDisplacement(b);
    private final WorkerPool.BlockTask upperTask = (b, w) -> findUpper(b, w);
    private final WorkerPool.BlockTask appendTask = (b, w) -> appendUpper(b);

    /** Partners of atom i: neighbours[i * stride .. i * stride + count[i]), ascending. */
    int[] neighbours;
    final int[] count;
    /** How many of atom i's partners are below i: slots [i * stride, i * stride + lower[i]). */
    final int[] lower;
    /** For an upper slot (partner j &gt; i) of atom i: the slot where i sits in j's list. */
    int[] mirror;
    int stride;
    private long builds;
    private long topologyVersion = Long.MIN_VALUE;
    private boolean stale = true;

    NeighbourList(ParticleState s, Topology topology, double cutoff, double skin, int threads) {
        this.s = s;
        this.topology = topology;
        this.cutoff = cutoff;
        reach = cutoff + skin;
        // a hair wider than reach, so that rounding in the build's distance formula (cell images are shifted
        // differently from the kernel's minimum image) can never drop a pair the kernel would count, even at skin 0
        reach2 = reach * reach * (1 + 1e-9);
        boxX = s.boxX();
        boxY = s.boxY();
        double shorter = Math.min(boxX, boxY);
        if (reach >= 0.5 * shorter) {
            throw new IllegalArgumentException("cutoff + skin = " + reach + " nm must be below half the shorter box side ("
                    + 0.5 * shorter + " nm); use a larger box (more particles or lower density) or a smaller skin");
        }
        cellsX = (int) Math.floor(boxX / reach);
        cellsY = (int) Math.floor(boxY / reach);
        allPairs = cellsX < 3 || cellsY < 3;
        int cells = allPairs ? 1 : cellsX * cellsY;
        cellStart = new int[cells + 1];
        cellFill = new int[cells];
        cellAtoms = new int[s.n];
        cellX = new double[s.n];
        cellY = new double[s.n];
        atomCell = new int[s.n];
        x0 = new double[s.n];
        y0 = new double[s.n];
        count = new int[s.n];
        upperCount = new int[s.n];
        int blocks = Blocks.count(s.n);
        maxUpperPerBlock = new int[blocks];
        movedPerBlock = new boolean[blocks];
        double density = s.n / (boxX * boxY);
        stride = (int) Math.ceil(Math.PI * reach2 * density * 1.3) + 8;
        upperStride = stride / 2 + 4;
        neighbours = new int[Math.max(1, s.n * stride)];
        mirror = new int[Math.max(1, s.n * stride)];
        lower = new int[s.n];
        upper = new int[Math.max(1, s.n * upperStride)];
        candidates = new int[threads][16];
    }

    long builds() {
        return builds;
    }

    void invalidate() {
        stale = true;
    }

    /** Rebuilds if needed so that the list holds every pair within the cutoff. */
    void ensureForForces(WorkerPool pool) {
        ensureWithin(cutoff, pool);
    }

    /**
     * Rebuilds if the list may miss a pair closer than distance: two atoms that each moved d since the build came
     * at most 2d closer, so the list (every pair within reach at the build) still holds every pair within
     * distance while no atom moved more than (reach − distance)/2. For forces that bound is skin/2.
     */
    void ensureWithin(double distance, WorkerPool pool) {
        if (stale || topology.version() != topologyVersion || moved(0.5 * (reach - distance), pool)) {
            build(pool);
        }
    }

    private boolean moved(double allowed, WorkerPool pool) {
        allowedMove2 = allowed * allowed;
        int blocks = Blocks.count(s.n);
        pool.run(displacementTask, blocks);
        for (int b = 0; b < blocks; b++) {
            if (movedPerBlock[b]) {
                return true;
            }
        }
        return false;
    }

    private void checkDisplacement(int b) {
        double[] x = s.x;
        double[] y = s.y;
        boolean moved = false;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            double dx = PairsWithin.minImage(x[i] - x0[i], boxX);
            double dy = PairsWithin.minImage(y[i] - y0[i], boxY);
            if (dx * dx + dy * dy > allowedMove2) {
                moved = true;
                break;
            }
        }
        movedPerBlock[b] = moved;
    }

    private void build(WorkerPool pool) {
        bin();
        for (int w = 0; w < candidates.length; w++) {
            if (candidates[w].length < maxCandidates) {
                candidates[w] = new int[maxCandidates];
            }
        }
        int n = s.n;
        int blocks = Blocks.count(n);
        while (true) {
            pool.run(upperTask, blocks);
            int max = 0;
            for (int b = 0; b < blocks; b++) {
                max = Math.max(max, maxUpperPerBlock[b]);
            }
            if (max <= upperStride) {
                break;
            }
            // a denser region than estimated: widen and search again
            upperStride = max + max / 4 + 4;
            upper = new int[n * upperStride];
        }
        // lower partners: count, size the full list, then fill in ascending i (which keeps them sorted)
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            for (int k = i * upperStride, end = k + upperCount[i]; k < end; k++) {
                count[upper[k]]++;
            }
        }
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, count[i] + upperCount[i]);
        }
        if (max > stride) {
            stride = max + max / 4 + 4;
            neighbours = new int[n * stride];
            mirror = new int[n * stride];
        }
        Arrays.fill(count, 0);
        int[] nb = neighbours;
        int[] mir = mirror;
        int st = stride;
        for (int i = 0; i < n; i++) {
            // every atom below i has been scattered, so i's lower part is complete: its upper part starts here
            lower[i] = count[i];
            int own = i * st + count[i];
            for (int k = i * upperStride, end = k + upperCount[i]; k < end; k++) {
                int j = upper[k];
                int there = j * st + count[j]++;
                nb[there] = i;
                mir[own++] = there;
            }
        }
        pool.run(appendTask, blocks);
        topologyVersion = topology.version();
        stale = false;
        builds++;
    }

    /** Sorts atoms into cells (counting sort; each cell lists its atoms in ascending order). */
    private void bin() {
        int n = s.n;
        double[] x = s.x;
        double[] y = s.y;
        for (int i = 0; i < n; i++) {
            if (!(x[i] >= 0 && x[i] < boxX && y[i] >= 0 && y[i] < boxY)) {
                throw new IllegalStateException("atom " + i + " at (" + x[i] + ", " + y[i]
                        + ") is outside the box [0, " + boxX + ") x [0, " + boxY + "): positions must be wrapped");
            }
        }
        if (allPairs) {
            maxCandidates = n + 1;
            return;
        }
        Arrays.fill(cellStart, 0);
        for (int i = 0; i < n; i++) {
            int cx = Math.min(cellsX - 1, (int) (x[i] / boxX * cellsX));
            int cy = Math.min(cellsY - 1, (int) (y[i] / boxY * cellsY));
            int c = cy * cellsX + cx;
            atomCell[i] = c;
            cellStart[c + 1]++;
        }
        int fullest = 0;
        for (int c = 0; c < cellsX * cellsY; c++) {
            fullest = Math.max(fullest, cellStart[c + 1]);
            cellStart[c + 1] += cellStart[c];
        }
        maxCandidates = 9 * fullest + 1;
        Arrays.fill(cellFill, 0);
        for (int i = 0; i < n; i++) {
            int c = atomCell[i];
            int k = cellStart[c] + cellFill[c]++;
            cellAtoms[k] = i;
            cellX[k] = x[i];
            cellY[k] = y[i];
        }
    }

    /** Pass 1 for block b: each atom's partners j &gt; i, sorted; records the longest such list. */
    private void findUpper(int b, int worker) {
        int[] cand = candidates[worker];
        int max = 0;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            int c = allPairs ? upperAllPairs(i, cand) : upperFromCells(i, cand);
            if (topology.degree(i) > 0) {
                c = dropExcluded(i, cand, c);
            }
            upperCount[i] = Math.min(c, upperStride);
            max = Math.max(max, c);
            if (c <= upperStride) {
                System.arraycopy(cand, 0, upper, i * upperStride, c);
                insertionSort(upper, i * upperStride, c);
            }
            x0[i] = s.x[i];
            y0[i] = s.y[i];
        }
        maxUpperPerBlock[b] = max;
    }

    /** Pass 3 for block b: append each atom's upper partners after its lower ones. */
    private void appendUpper(int b) {
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            System.arraycopy(upper, i * upperStride, neighbours, i * stride + count[i], upperCount[i]);
            count[i] += upperCount[i];
        }
    }

    private int upperAllPairs(int i, int[] cand) {
        int c = 0;
        for (int j = i + 1; j < s.n; j++) {
            c = consider(i, j, cand, c);
        }
        return c;
    }

    private int upperFromCells(int i, int[] cand) {
        int home = atomCell[i];
        int cx = home % cellsX;
        int cy = home / cellsX;
        int[] atoms = cellAtoms;
        double[] px = cellX;
        double[] py = cellY;
        double xi = s.x[i];
        double yi = s.y[i];
        double r2max = reach2;
        int c = 0;
        for (int oy = -1; oy <= 1; oy++) {
            int ny = cy + oy;
            double shiftY = ny < 0 ? -boxY : (ny >= cellsY ? boxY : 0);
            int row = Math.floorMod(ny, cellsY) * cellsX;
            double yiShifted = yi - shiftY;
            int nx0 = cx - 1;
            int nx2 = cx + 1;
            // a row's three cells are contiguous in cell order unless the row wraps in x: then one scan covers them
            if (nx0 >= 0 && nx2 < cellsX) {
                c = scan(i, cand, c, cellStart[row + nx0], cellStart[row + nx2 + 1], xi, yiShifted, atoms, px, py, r2max);
            } else {
                for (int nx = nx0; nx <= nx2; nx++) {
                    double shiftX = nx < 0 ? -boxX : (nx >= cellsX ? boxX : 0);
                    int cell = row + Math.floorMod(nx, cellsX);
                    c = scan(i, cand, c, cellStart[cell], cellStart[cell + 1], xi - shiftX, yiShifted, atoms, px, py, r2max);
                }
            }
        }
        return c;
    }

    /**
     * Scans cell-ordered atoms [from, to) for partners j &gt; i within reach. Every candidate is written and the
     * count advanced by the test, with no branch on it: a third of candidates pass, an unpredictable branch.
     */
    private static int scan(int i, int[] cand, int c, int from, int to, double xi, double yi, int[] atoms,
                            double[] px, double[] py, double r2max) {
        for (int k = from; k < to; k++) {
            int j = atoms[k];
            double dx = xi - px[k];
            double dy = yi - py[k];
            cand[c] = j;
            c += (j > i) & (dx * dx + dy * dy < r2max) ? 1 : 0;
        }
        return c;
    }

    /**
     * Keeps j as a candidate when within reach: the slot is always written and the count advanced by the
     * comparison, so the distance test does not cost a mispredicted branch a third of the time.
     */
    private int consider(int i, int j, int[] cand, int c) {
        double dx = PairsWithin.minImage(s.x[i] - s.x[j], boxX);
        double dy = PairsWithin.minImage(s.y[i] - s.y[j], boxY);
        cand[c] = j;
        return c + (dx * dx + dy * dy < reach2 ? 1 : 0);
    }

    /** Removes bonded and 1-3 partners of a bonded atom from its candidates, keeping their order. */
    private int dropExcluded(int i, int[] cand, int c) {
        int kept = 0;
        for (int k = 0; k < c; k++) {
            if (!topology.isExcluded(i, cand[k])) {
                cand[kept++] = cand[k];
            }
        }
        return kept;
    }

    private static void insertionSort(int[] a, int from, int length) {
        for (int k = from + 1, end = from + length; k < end; k++) {
            int v = a[k];
            int m = k - 1;
            while (m >= from && a[m] > v) {
                a[m + 1] = a[m];
                m--;
            }
            a[m + 1] = v;
        }
    }
}
