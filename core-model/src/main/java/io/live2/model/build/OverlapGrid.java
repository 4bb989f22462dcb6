package io.live2.model.build;

import java.util.Arrays;

/**
 * A cell grid over the periodic box for "is any placed atom closer than the minimum distance?" queries in O(1).
 * Cells are at least as wide as the largest minimum distance, so only the 3×3 block around a point can hold a
 * conflict (all cells, once each, when the box has fewer than 3 cells per side).
 */
final class OverlapGrid {
    private final double box;
    private final int cells;
    private final double cellSize;
    private final int[] head;
    private final int[] next;
    private final double[] x;
    private final double[] y;
    private final int[] type;
    /** min distance² per type pair, index ti * typeCount + tj. */
    private final double[] min2;
    private final int typeCount;

    OverlapGrid(double box, int atoms, double[] minDistance, int typeCount, double maxMinDistance) {
        this.box = box;
        this.cells = Math.max(1, (int) Math.floor(box / Math.max(maxMinDistance, 1e-9)));
        this.cellSize = box / cells;
        this.head = new int[Math.multiplyExact(cells, cells)];
        this.next = new int[atoms];
        this.x = new double[atoms];
        this.y = new double[atoms];
        this.type = new int[atoms];
        this.typeCount = typeCount;
        this.min2 = new double[minDistance.length];
        for (int i = 0; i < minDistance.length; i++) {
            min2[i] = minDistance[i] * minDistance[i];
        }
        Arrays.fill(head, -1);
    }

    /** True when an atom of type t at (px, py) keeps its minimum distance from every added atom. */
    boolean free(double px, double py, int t) {
        int cx = cell(px);
        int cy = cell(py);
        if (cells < 3) {
            for (int c = 0; c < head.length; c++) {
                if (!freeIn(c, px, py, t)) {
                    return false;
                }
            }
            return true;
        }
        for (int dy = -1; dy <= 1; dy++) {
            int yy = Math.floorMod(cy + dy, cells);
            for (int dx = -1; dx <= 1; dx++) {
                if (!freeIn(yy * cells + Math.floorMod(cx + dx, cells), px, py, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    void add(int atom, double px, double py, int t) {
        x[atom] = px;
        y[atom] = py;
        type[atom] = t;
        int c = cell(py) * cells + cell(px);
        next[atom] = head[c];
        head[c] = atom;
    }

    private boolean freeIn(int c, double px, double py, int t) {
        for (int j = head[c]; j >= 0; j = next[j]) {
            double dx = px - x[j];
            double dy = py - y[j];
            dx -= box * Math.rint(dx / box);
            dy -= box * Math.rint(dy / box);
            if (dx * dx + dy * dy < min2[t * typeCount + type[j]]) {
                return false;
            }
        }
        return true;
    }

    private int cell(double v) {
        return Math.min(cells - 1, (int) (v / cellSize));
    }
}
