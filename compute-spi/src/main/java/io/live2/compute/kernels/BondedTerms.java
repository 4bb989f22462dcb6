package io.live2.compute.kernels;

import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

/**
 * The bonded part of one atom's force: Morse on each of its bonds (in the topology's ascending partner order),
 * then the soft 1-3 repulsion from each distinct 1-3 partner in ascending index order. Each atom computes its
 * own side of every term (gather, never scatter), so atoms are independent and any thread split gives the
 * same bytes. Shared by all CPU backends; the finite-difference tests check it.
 */
public final class BondedTerms {
    /** Most distinct 1-3 partners an atom can have: SLOTS bonds, each to an atom with SLOTS - 1 other bonds. */
    public static final int MAX_ONE_THREE = Topology.SLOTS * (Topology.SLOTS - 1);

    private BondedTerms() {
    }

    /**
     * Adds atom i's bonded forces, energies (full pair energy, halved later by the caller) and virial to sums.
     *
     * @param scratch at least {@link #MAX_ONE_THREE} ints, reused by the caller's thread
     */
    public static void accumulate(int i, ParticleState s, Topology t, ForceField ff, int[] scratch, AtomSums sums) {
        int degree = t.degree(i);
        if (degree == 0) {
            return;
        }
        double xi = s.x[i];
        double yi = s.y[i];
        int ti = s.type[i];
        for (int k = 0; k < degree; k++) {
            int j = t.partner(i, k);
            int tj = s.type[j];
            MorseParams m = ff.morse(ti, tj, t.orderAt(i, k));
            if (m == null) {
                throw new IllegalStateException("bond " + i + "-" + j + " of order " + t.orderAt(i, k)
                        + " has no Morse parameters for types " + ff.types().get(ti).name() + "-"
                        + ff.types().get(tj).name());
            }
            double dx = s.minImageX(xi - s.x[j]);
            double dy = s.minImageY(yi - s.y[j]);
            double r2 = dx * dx + dy * dy;
            double r = Math.sqrt(r2);
            // MorseParams.forceMagnitude(r) and energy(r) with their one exp shared (same operations, same bits)
            double depth = m.depth();
            double a = m.aPerNm();
            double e = Math.exp(-a * (r - m.reNm()));
            double fOverR = (-2.0 * depth * a * (1.0 - e) * e) / r;
            sums.fx += fOverR * dx;
            sums.fy += fOverR * dy;
            double one = 1.0 - e;
            sums.bonds += depth * (one * one - 1.0);
            sums.virial += fOverR * r2;
        }
        int count = oneThreePartners(i, t, scratch);
        for (int k = 0; k < count; k++) {
            int j = scratch[k];
            int tj = s.type[j];
            double dx = s.minImageX(xi - s.x[j]);
            double dy = s.minImageY(yi - s.y[j]);
            double r2 = dx * dx + dy * dy;
            double r = Math.sqrt(r2);
            if (r >= ff.r13(ti, tj)) {
                continue;
            }
            double fOverR = ff.repulsion13Force(ti, tj, r) / r;
            sums.fx += fOverR * dx;
            sums.fy += fOverR * dy;
            sums.repulsion13 += ff.repulsion13Energy(ti, tj, r);
            sums.virial += fOverR * r2;
        }
    }

    /**
     * Writes atom i's distinct 1-3 partners (share a bonded neighbour, not bonded to i themselves) into out in
     * ascending order; a pair reached through two common neighbours appears once. Returns how many.
     */
    public static int oneThreePartners(int i, Topology t, int[] out) {
        int count = 0;
        int degree = t.degree(i);
        for (int a = 0; a < degree; a++) {
            int p = t.partner(i, a);
            int dp = t.degree(p);
            for (int b = 0; b < dp; b++) {
                int q = t.partner(p, b);
                if (q == i || t.bondOrder(i, q) != 0) {
                    continue;
                }
                count = insertSortedUnique(out, count, q);
            }
        }
        return count;
    }

    private static int insertSortedUnique(int[] a, int count, int v) {
        int k = count;
        while (k > 0 && a[k - 1] > v) {
            k--;
        }
        if (k > 0 && a[k - 1] == v) {
            return count;
        }
        System.arraycopy(a, k, a, k + 1, count - k);
        a[k] = v;
        return count + 1;
    }
}
