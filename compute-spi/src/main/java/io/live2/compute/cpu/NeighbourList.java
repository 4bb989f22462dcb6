package io.live2.compute.cpu;

import io.live2.model.ParticleState;
import io.live2.model.Topology;

/**
 * Full Verlet lists: for every atom, all non-excluded partners within reach = cutoff + skin, stored in a flat
 * int array with a fixed stride per atom and sorted ascending by index. Ascending order makes each atom's force
 * sum follow the reference backend's j = 0..n-1 order, so forces are bit-identical to it. Built through a cell
 * grid (cells at least reach wide) or, when the box is fewer than 3 cells across, over all pairs.
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
    private double allowedMove2;
    private final double boxX;
    private final double boxY;
    private final int cellsX;
    private final int cellsY;
    private final boolean allPairs;
    private final int[] cellStart;
    private final int[] cellAtoms;
    private final int[] atomCell;
    private final int[] cellFill;
    private final double[] x0;
    private final double[] y0;
    private final int[] maxCountPerBlock;
    private final boolean[] movedPerBlock;

    int[] neighbours;
    final int[] count;
    int stride;
    private long builds;
    private long topologyVersion = Long.MIN_VALUE;
    private boolean stale = true;

    NeighbourList(ParticleState s, Topology topology, double cutoff, double skin) {
        this.s = s;
        this.topology = topology;
        this.cutoff = cutoff;
        reach = cutoff + skin;
        reach2 = reach * reach;
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
        cellAtoms = new int[s.n];
        cellFill = new int[cells];
        atomCell = new int[s.n];
        x0 = new double[s.n];
        y0 = new double[s.n];
        count = new int[s.n];
        int blocks = Blocks.count(s.n);
        maxCountPerBlock = new int[blocks];
        movedPerBlock = new boolean[blocks];
        double density = s.n / (boxX * boxY);
        stride = (int) Math.ceil(Math.PI * reach2 * density * 1.3) + 8;
        neighbours = new int[Math.max(1, s.n * stride)];
    }

    long builds() {
        return builds;
    }

    void invalidate() {
        stale = true;
    }

    /** True when the list must be rebuilt before a force evaluation (any atom moved more than skin/2). */
    boolean needsBuild(WorkerPool pool, WorkerPool.BlockTask displacementTask) {
        return needsBuild(cutoff, pool, displacementTask);
    }

    /**
     * True when the list may miss a pair closer than distance: two atoms that each moved d since the build
     * came at most 2d closer, so the list (all pairs within reach at the build) still holds every pair within
     * distance while every atom moved at most (reach − distance)/2. The check runs block-parallel on pool.
     */
    boolean needsBuild(double distance, WorkerPool pool, WorkerPool.BlockTask displacementTask) {
        if (stale || topology.version() != topologyVersion) {
            return true;
        }
        double allowed = 0.5 * (reach - distance);
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

    /** Block b of the displacement check: did any of its atoms move farther than allowed since the build. */
    void checkDisplacement(int b) {
        double[] x = s.x;
        double[] y = s.y;
        boolean moved = false;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            double dx = minImage(x[i] - x0[i], boxX);
            double dy = minImage(y[i] - y0[i], boxY);
            if (dx * dx + dy * dy > allowedMove2) {
                moved = true;
                break;
            }
        }
        movedPerBlock[b] = moved;
    }

    /** Rebuilds the lists; buildBlock(b) must be what buildTask runs. */
    void build(WorkerPool pool, WorkerPool.BlockTask buildTask) {
        bin();
        int blocks = Blocks.count(s.n);
        while (true) {
            pool.run(buildTask, blocks);
            int max = 0;
            for (int b = 0; b < blocks; b++) {
                max = Math.max(max, maxCountPerBlock[b]);
            }
            if (max <= stride) {
                break;
            }
            // a denser region than estimated: widen the stride and build again
            stride = max + max / 4 + 4;
            neighbours = new int[s.n * stride];
        }
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
            return;
        }
        java.util.Arrays.fill(cellStart, 0);
        for (int i = 0; i < n; i++) {
            int cx = Math.min(cellsX - 1, (int) (x[i] / boxX * cellsX));
            int cy = Math.min(cellsY - 1, (int) (y[i] / boxY * cellsY));
            int c = cy * cellsX + cx;
            atomCell[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cellsX * cellsY; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = cellFill;
        java.util.Arrays.fill(fill, 0);
        for (int i = 0; i < n; i++) {
            int c = atomCell[i];
            cellAtoms[cellStart[c] + fill[c]++] = i;
        }
    }

    /** Block b of a build: the sorted list of each of its atoms, and the largest count seen. */
    void buildBlock(int b) {
        int max = 0;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            int c = allPairs ? allPairsFor(i) : cellsFor(i);
            count[i] = Math.min(c, stride);
            max = Math.max(max, c);
            if (c <= stride) {
                java.util.Arrays.sort(neighbours, i * stride, i * stride + c);
            }
            x0[i] = s.x[i];
            y0[i] = s.y[i];
        }
        maxCountPerBlock[b] = max;
    }

    private int allPairsFor(int i) {
        int c = 0;
        for (int j = 0; j < s.n; j++) {
            c = consider(i, j, c);
        }
        return c;
    }

    private int cellsFor(int i) {
        int home = atomCell[i];
        int cx = home % cellsX;
        int cy = home / cellsX;
        int c = 0;
        for (int oy = -1; oy <= 1; oy++) {
            int row = Math.floorMod(cy + oy, cellsY) * cellsX;
            for (int ox = -1; ox <= 1; ox++) {
                int cell = row + Math.floorMod(cx + ox, cellsX);
                for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
                    c = consider(i, cellAtoms[k], c);
                }
            }
        }
        return c;
    }

    private int consider(int i, int j, int c) {
        if (j == i) {
            return c;
        }
        double dx = minImage(s.x[i] - s.x[j], boxX);
        double dy = minImage(s.y[i] - s.y[j], boxY);
        if (dx * dx + dy * dy >= reach2 || topology.isExcluded(i, j)) {
            return c;
        }
        if (c < stride) {
            neighbours[i * stride + c] = j;
        }
        return c + 1;
    }

    /** Minimum image for wrapped coordinates, where |d| &lt; box. */
    static double minImage(double d, double box) {
        double half = 0.5 * box;
        if (d > half) {
            return d - box;
        }
        if (d < -half) {
            return d + box;
        }
        return d;
    }
}
