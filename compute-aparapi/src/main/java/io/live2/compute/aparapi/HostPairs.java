package io.live2.compute.aparapi;

import io.live2.compute.PairVisitor;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

import java.util.Arrays;

/**
 * forEachPairWithin on the host, from the pulled positions: a cell list with cells at least maxDistance wide
 * (all pairs when the box is fewer than 3 cells across). Exact (double, minimum image as ParticleState), each
 * pair once with i &lt; j, ordered by i then j, bonded and 1-3 pairs skipped.
 */
final class HostPairs {
    private HostPairs() {
    }

    static void forEach(ParticleState s, Topology t, double maxDistance, PairVisitor visitor) {
        int n = s.n;
        double max2 = maxDistance * maxDistance;
        int cx = maxDistance > 0 ? (int) Math.floor(s.boxX() / maxDistance) : 0;
        int cy = maxDistance > 0 ? (int) Math.floor(s.boxY() / maxDistance) : 0;
        if (cx < 3 || cy < 3) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    visit(s, t, i, j, max2, visitor);
                }
            }
            return;
        }
        int cells = cx * cy;
        int[] start = new int[cells + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int a = Math.min(cx - 1, Math.max(0, (int) (s.x[i] / s.boxX() * cx)));
            int b = Math.min(cy - 1, Math.max(0, (int) (s.y[i] / s.boxY() * cy)));
            cellOf[i] = b * cx + a;
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = new int[cells];
        int[] atoms = new int[n];
        for (int i = 0; i < n; i++) {
            atoms[start[cellOf[i]] + fill[cellOf[i]]++] = i;
        }
        int[] cand = new int[16];
        for (int i = 0; i < n; i++) {
            int home = cellOf[i];
            int hx = home % cx;
            int hy = home / cx;
            int c = 0;
            for (int oy = -1; oy <= 1; oy++) {
                int row = Math.floorMod(hy + oy, cy) * cx;
                for (int ox = -1; ox <= 1; ox++) {
                    int cell = row + Math.floorMod(hx + ox, cx);
                    for (int k = start[cell]; k < start[cell + 1]; k++) {
                        int j = atoms[k];
                        if (j > i) {
                            if (c == cand.length) {
                                cand = Arrays.copyOf(cand, 2 * c);
                            }
                            cand[c++] = j;
                        }
                    }
                }
            }
            Arrays.sort(cand, 0, c);
            for (int k = 0; k < c; k++) {
                visit(s, t, i, cand[k], max2, visitor);
            }
        }
    }

    private static void visit(ParticleState s, Topology t, int i, int j, double max2, PairVisitor visitor) {
        double dx = s.minImageX(s.x[i] - s.x[j]);
        double dy = s.minImageY(s.y[i] - s.y[j]);
        double r2 = dx * dx + dy * dy;
        if (r2 < max2 && !t.isExcluded(i, j)) {
            visitor.visit(i, j, r2);
        }
    }
}
