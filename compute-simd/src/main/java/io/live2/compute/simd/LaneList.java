package io.live2.compute.simd;

import io.live2.compute.kernels.Blocks;
import io.live2.compute.kernels.BondedTerms;
import io.live2.compute.kernels.PairsWithin;
import io.live2.compute.kernels.WorkerPool;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Full Verlet lists in lane-major ("transposed") layout for a kernel that puts L consecutive atoms in the L lanes
 * of a vector. Atoms form groups of L (group g = atoms gL .. gL+L-1); a group's lists are stored column by column:
 * entry k of lane l at {@code lists[b][groupOffset[g] + k·L + l]}, for k below the group's longest list
 * ({@code groupLength[g]}). Each atom's partners are sorted ascending, the reference's summation order, so the
 * kernel can copy a group's partner positions in column order and read one vector of them per k. A lane past its
 * own count is padded with its own atom index (a valid index; the kernel masks it out by count).
 *
 * <p>Storage is per reduction block ({@link Blocks}: 1024 atoms, a multiple of L), so blocks are built in
 * parallel with no global prefix sum and no per-atom stride: about (longest list in the group) ints per atom.
 *
 * <p>Build: atoms are binned into cells at least reach (cutoff + skin) wide; each atom scans the 3 × 3 cells
 * around it (all atoms when the box is fewer than 3 cells across) with a branch-free distance test, drops its
 * bonded and 1-3 partners, and places each survivor at its rank (a branch-free vector count of smaller
 * indices) directly into the lane-major columns.
 *
 * <p>Validity, as in the "cpu" backend: rebuilt when any atom has moved more than (reach − distance)/2 since the
 * last build (skin/2 for forces), or when the topology changed, so no interacting pair is ever missed.
 */
final class LaneList {
    private static final VectorSpecies<Double> D = LjVectorKernel.D;
    private static final VectorSpecies<Integer> I = LjVectorKernel.I;
    private static final IntVector IOTA = IntVector.zero(LjVectorKernel.I).addIndex(1);
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * 32));
    private final ParticleState s;
    private final Topology topology;
    private final int lanes;
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
    /**
     * Positions in cell order (cellX[k] is the x of cellAtoms[k]) so the candidate scan reads memory in sequence;
     * floats to save 8 bytes per atom: the scan's radius is widened by their rounding ({@link #scanReach2}), so
     * the list stays a superset of the pairs within reach (extra pairs beyond it cost a little, never accuracy:
     * the kernel applies the exact cutoff).
     */
    private final float[] cellX;
    private final float[] cellY;
    private final double scanReach2;
    /**
     * Positions at the last build, in float to save 8 bytes per atom; the displacement check allows for their
     * rounding (see {@link #roundingMargin}), so it stays conservative.
     */
    private final float[] x0;
    private final float[] y0;
    /** Bound on |x − (float) x| for wrapped coordinates, doubled: subtracted from the allowed displacement. */
    private final double roundingMargin;
    private final boolean[] movedPerBlock;
    private double allowedMove2;
    /** Per worker: L candidate lists of maxCandidates ints each. */
    private final int[][] laneBuffers;
    /** Per worker: one atom's excluded partners (bonded and 1-3). */
    private final int[][] excludedBuffers;
    private int maxCandidates;

    /** Per block: the lane-major lists of its groups. */
    final int[][] lists;
    /**
     * Multi-type systems only (else null): per block, parallel to {@link #lists}, the force-field pair index
     * type(i)·typeCount + type(j) of each entry, so the kernel loads it contiguously instead of gathering the
     * partners' types every step. Types change only with a new force field, hence a new bind and a new list.
     */
    final int[][] pairs;
    private final int typeCount;
    /** Per group: where its columns start in its block's array, and how many columns (its longest list). */
    final int[] groupOffset;
    final int[] groupLength;
    /** Per atom (padded to whole groups with zeros): list length. */
    final int[] count;
    private long builds;
    private long topologyVersion = Long.MIN_VALUE;
    private boolean stale = true;

    private final WorkerPool.BlockTask displacementTask = (b, w) -> checkDisplacement(b);
    private final WorkerPool.BlockTask buildTask = this::buildBlock;

    LaneList(ParticleState s, Topology topology, double cutoff, double skin, int threads, int lanes, int typeCount) {
        if (Blocks.SIZE % lanes != 0) {
            throw new IllegalArgumentException(lanes + " lanes do not divide the block size " + Blocks.SIZE);
        }
        this.s = s;
        this.topology = topology;
        this.lanes = lanes;
        this.typeCount = typeCount;
        this.cutoff = cutoff;
        reach = cutoff + skin;
        // a hair wider than reach, as in the cpu backend's list: rounding can never drop a pair the kernel counts
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
        cellAtoms = new int[s.n + lanes];
        cellX = new float[s.n + lanes];
        cellY = new float[s.n + lanes];
        // |x − (float) x| ≤ ulp/2 per coordinate of the candidate: widen the radius by more than √2 of that
        double widen = 2 * Math.ulp((float) Math.max(boxX, boxY));
        scanReach2 = (reach + widen) * (reach + widen) * (1 + 1e-9);
        x0 = new float[s.n];
        y0 = new float[s.n];
        roundingMargin = 2 * Math.ulp((float) Math.max(boxX, boxY));
        int blocks = Blocks.count(s.n);
        movedPerBlock = new boolean[blocks];
        int groups = (s.n + lanes - 1) / lanes;
        groupOffset = new int[groups];
        groupLength = new int[groups];
        count = new int[groups * lanes];
        lists = new int[blocks][];
        pairs = typeCount > 1 ? new int[blocks][] : null;
        double density = s.n / (boxX * boxY);
        int estimate = (int) Math.ceil(Math.PI * reach2 * density) + 2;
        for (int b = 0; b < blocks; b++) {
            lists[b] = new int[(Blocks.end(b, s.n) - Blocks.start(b)) * estimate + lanes];
            if (pairs != null) {
                pairs[b] = new int[lists[b].length];
            }
        }
        laneBuffers = new int[threads][lanes * 16];
        excludedBuffers = new int[threads][Topology.SLOTS + BondedTerms.MAX_ONE_THREE];
    }

    long builds() {
        return builds;
    }

    void invalidate() {
        stale = true;
    }

    void ensureForForces(WorkerPool pool) {
        ensureWithin(cutoff, pool);
    }

    /** Rebuilds if the list may miss a pair closer than distance (see the class comment). */
    void ensureWithin(double distance, WorkerPool pool) {
        if (stale || topology.version() != topologyVersion || moved(0.5 * (reach - distance), pool)) {
            build(pool);
        }
    }

    private boolean moved(double allowed, WorkerPool pool) {
        // the reference positions are floats: a computed displacement can fall short of the true one by
        // roundingMargin, so rebuild that much earlier (a rebuild too early costs time, never correctness)
        double safe = Math.max(0, allowed - roundingMargin);
        allowedMove2 = safe * safe;
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
        for (int w = 0; w < laneBuffers.length; w++) {
            if (laneBuffers[w].length < lanes * maxCandidates) {
                laneBuffers[w] = new int[lanes * maxCandidates];
            }
        }
        pool.run(buildTask, Blocks.count(s.n));
        topologyVersion = topology.version();
        stale = false;
        builds++;
    }

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
            maxCandidates = n + 1 + 2 * lanes;
            return;
        }
        Arrays.fill(cellStart, 0);
        for (int i = 0; i < n; i++) {
            cellStart[cellOf(x[i], y[i]) + 1]++;
        }
        int fullest = 0;
        for (int c = 0; c < cellsX * cellsY; c++) {
            fullest = Math.max(fullest, cellStart[c + 1]);
            cellStart[c + 1] += cellStart[c];
        }
        maxCandidates = 9 * fullest + 1 + 2 * lanes;
        // fill each cell in ascending atom order; cellStart[c] runs ahead and is restored below
        for (int i = 0; i < n; i++) {
            int c = cellOf(x[i], y[i]);
            int k = cellStart[c]++;
            cellAtoms[k] = i;
            cellX[k] = (float) x[i];
            cellY[k] = (float) y[i];
        }
        for (int c = cellsX * cellsY; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }

    /** The cell of a wrapped position (recomputed rather than stored: 4 bytes per atom less). */
    private int cellOf(double x, double y) {
        int cx = Math.min(cellsX - 1, (int) (x / boxX * cellsX));
        int cy = Math.min(cellsY - 1, (int) (y / boxY * cellsY));
        return cy * cellsX + cx;
    }

    /** Builds block b's groups: each lane's sorted list, then the block's lane-major columns. */
    private void buildBlock(int b, int worker) {
        int[] buf = laneBuffers[worker];
        int m = maxCandidates;
        int n = s.n;
        int[] out = lists[b];
        int pos = 0;
        int firstGroup = Blocks.start(b) / lanes;
        int endGroup = (Blocks.end(b, n) + lanes - 1) / lanes;
        for (int g = firstGroup; g < endGroup; g++) {
            int longest = 0;
            int base = g * lanes;
            for (int l = 0; l < lanes; l++) {
                int i = base + l;
                int c = 0;
                if (i < n) {
                    c = allPairs ? fromAllPairs(i, buf, l * m) : fromCells(i, buf, l * m);
                    if (topology.degree(i) > 0) {
                        c = dropExcluded(i, buf, l * m, c, excludedBuffers[worker]);
                    }
                    x0[i] = (float) s.x[i];
                    y0[i] = (float) s.y[i];
                }
                count[i] = c;
                longest = Math.max(longest, c);
            }
            int need = pos + longest * lanes;
            if (need > out.length) {
                out = Arrays.copyOf(out, Math.max(need, out.length + out.length / 8));
            }
            groupOffset[g] = pos;
            groupLength[g] = longest;
            for (int l = 0; l < lanes; l++) {
                int i = base + l;
                int c = count[i];
                placeSorted(buf, l * m, c, out, pos + l);
                int pad = i < n ? i : base;
                for (int k = c, o = pos + l + c * lanes; k < longest; k++, o += lanes) {
                    out[o] = pad;
                }
            }
            if (pairs != null) {
                fillPairs(b, out, base, pos, need);
            }
            pos = need;
        }
        lists[b] = out;
    }

    /** The pair indices of the group at base, whose columns are out[from, to). */
    private void fillPairs(int b, int[] out, int base, int from, int to) {
        int[] p = pairs[b];
        if (p.length < out.length) {
            p = pairs[b] = Arrays.copyOf(p, out.length);
        }
        int[] type = s.type;
        for (int l = 0; l < lanes; l++) {
            int row = type[Math.min(base + l, s.n - 1)] * typeCount;
            for (int o = from + l; o < to; o += lanes) {
                p[o] = row + type[out[o]];
            }
        }
    }

    private int fromAllPairs(int i, int[] cand, int c0) {
        int c = c0;
        double xi = s.x[i];
        double yi = s.y[i];
        for (int j = 0; j < s.n; j++) {
            double dx = PairsWithin.minImage(xi - s.x[j], boxX);
            double dy = PairsWithin.minImage(yi - s.y[j], boxY);
            cand[c] = j;
            c += (j != i) & (dx * dx + dy * dy < reach2) ? 1 : 0;
        }
        return c - c0;
    }

    private int fromCells(int i, int[] cand, int c0) {
        int home = cellOf(s.x[i], s.y[i]);
        int cx = home % cellsX;
        int cy = home / cellsX;
        double xi = s.x[i];
        double yi = s.y[i];
        int c = c0;
        for (int oy = -1; oy <= 1; oy++) {
            int ny = cy + oy;
            double shiftY = ny < 0 ? -boxY : (ny >= cellsY ? boxY : 0);
            int row = Math.floorMod(ny, cellsY) * cellsX;
            double yiShifted = yi - shiftY;
            int nx0 = cx - 1;
            int nx2 = cx + 1;
            if (nx0 >= 0 && nx2 < cellsX) {
                c = scan(i, cand, c, cellStart[row + nx0], cellStart[row + nx2 + 1], xi, yiShifted);
            } else {
                for (int nx = nx0; nx <= nx2; nx++) {
                    double shiftX = nx < 0 ? -boxX : (nx >= cellsX ? boxX : 0);
                    int cell = row + Math.floorMod(nx, cellsX);
                    c = scan(i, cand, c, cellStart[cell], cellStart[cell + 1], xi - shiftX, yiShifted);
                }
            }
        }
        return c - c0;
    }

    /**
     * Cell-ordered atoms [from, to) within reach of (xi, yi), other than i, appended to cand in cell order: L
     * candidates tested per vector, the survivors compressed into cand (which has 2L ints of slack).
     */
    private int scan(int i, int[] cand, int c, int from, int to, double xi, double yi) {
        int[] atoms = cellAtoms;
        float[] px = cellX;
        float[] py = cellY;
        DoubleVector r2max = DoubleVector.broadcast(D, scanReach2);
        DoubleVector vx = DoubleVector.broadcast(D, xi);
        DoubleVector vy = DoubleVector.broadcast(D, yi);
        IntVector end = IntVector.broadcast(I, to);
        // whole vectors only: lanes at or past `to` read the next cell's atoms (or the arrays' L-entry padding)
        // and are masked off, so no scalar tail with its unpredictable trip count
        for (int k = from; k < to; k += lanes) {
            DoubleVector dx = vx.sub((DoubleVector) FloatVector.fromArray(F, px, k).convertShape(VectorOperators.F2D, D, 0));
            DoubleVector dy = vy.sub((DoubleVector) FloatVector.fromArray(F, py, k).convertShape(VectorOperators.F2D, D, 0));
            IntVector j = IntVector.fromArray(I, atoms, k);
            VectorMask<Integer> keep = dx.mul(dx).add(dy.mul(dy)).compare(VectorOperators.LT, r2max).cast(I)
                    .and(j.compare(VectorOperators.NE, i))
                    .and(IOTA.add(k).compare(VectorOperators.LT, end));
            j.compress(keep).intoArray(cand, c);
            c += keep.trueCount();
        }
        return c;
    }

    /**
     * Removes i's bonded and 1-3 partners from cand[from, from + c), keeping the order. The few excluded partners
     * are listed once and each candidate compared with them (Topology.isExcluded per candidate walked the bond
     * table for every one: the most expensive part of a molecular system's build).
     */
    private int dropExcluded(int i, int[] cand, int from, int c, int[] excluded) {
        int count = BondedTerms.oneThreePartners(i, topology, excluded);
        for (int k = 0, degree = topology.degree(i); k < degree; k++) {
            excluded[count++] = topology.partner(i, k);
        }
        int kept = from;
        for (int k = from; k < from + c; k++) {
            int j = cand[k];
            boolean drop = false;
            for (int e = 0; e < count; e++) {
                drop |= excluded[e] == j;
            }
            cand[kept] = j;
            kept += drop ? 0 : 1;
        }
        return kept - from;
    }

    /**
     * Writes the c distinct ints src[from, from + c) in ascending order to dst[at], dst[at + L], ...: each value
     * goes to its rank, the number of values below it, counted L at a time with a vector compare. Branch-free
     * (an insertion sort mispredicts on every shift), about c²/L compares for ~20 values.
     */
    private void placeSorted(int[] src, int from, int c, int[] dst, int at) {
        int end = from + c;
        // sentinels: the last vector's lanes past the end never count as smaller (the buffer has L ints of slack)
        Arrays.fill(src, end, end + lanes, Integer.MAX_VALUE);
        for (int e = from; e < end; e++) {
            int v = src[e];
            int rank = 0;
            for (int q = from; q < end; q += lanes) {
                rank += IntVector.fromArray(I, src, q).compare(VectorOperators.LT, v).trueCount();
            }
            dst[at + rank * lanes] = v;
        }
    }
}
