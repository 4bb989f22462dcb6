package io.live2.compute.kernels;

import io.live2.compute.PairVisitor;
import io.live2.model.ParticleState;

/**
 * The common part of forEachPairWithin in the neighbour-list backends ("cpu", "simd"): the reach check and the
 * visit of a listed pair, with the one minimum image they all use, so that every backend hands the engine the same
 * pairs with the same r² bytes.
 */
public final class PairsWithin {
    private PairsWithin() {
    }

    /** Fails unless a list of pairs within cutoff + skin holds every pair closer than maxDistance. */
    public static void requireWithinReach(double maxDistance, double cutoff, double skin) {
        double reach = cutoff + skin;
        if (maxDistance > reach) {
            throw new IllegalArgumentException("maxDistance " + maxDistance + " exceeds the neighbour-list reach "
                    + reach + " (cutoff + skin)");
        }
    }

    /** Visits the listed pair (i, j) once, from i &lt; j, when it is closer than √max2. */
    public static void visitIfCloser(ParticleState s, int i, int j, double max2, PairVisitor visitor) {
        if (j <= i) {
            return;
        }
        double dx = minImage(s.x[i] - s.x[j], s.boxX());
        double dy = minImage(s.y[i] - s.y[j], s.boxY());
        double r2 = dx * dx + dy * dy;
        if (r2 < max2) {
            visitor.visit(i, j, r2);
        }
    }

    /** Minimum image for wrapped coordinates, where |d| &lt; box. */
    public static double minImage(double d, double box) {
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
