package io.live2.model.kinds;

import io.live2.model.BondRule;
import io.live2.model.MorseParams;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;

/**
 * How two kinds bond. The constants are fitted to the shape of the real Morse table (Luo 2007 rows in
 * morse-bonds.csv) so kind chemistry lives in the same energy and length scales as element chemistry:
 * <ul>
 *   <li>A bond of order n exists only when g = √(affinity_a · affinity_b) ≥ {@link #AFFINITY_THRESHOLD} and
 *       n ≤ min(valence_a, valence_b) (n ≤ 3).</li>
 *   <li>D_e(n) = {@link #DEPTH_MAX} · g · DEPTH_ORDER[n]: the C–C ratios single:double:triple 348:614:839.</li>
 *   <li>r_e(n) = {@link #LENGTH_FRACTION} · σ_ab · LENGTH_ORDER[n], σ_ab = (σ_a + σ_b)/2: C–C r_e 1.54 Å is
 *       0.45 σ_CC, O–H 0.96 Å is 0.34 σ_OH; bonds shorten with order as C–C 1.54:1.34:1.20.</li>
 *   <li>a(n) = STIFFNESS[n] / r_e(n): a·r_e spans 1.4 (H–H) to 3.1 (C≡C) in the table.</li>
 * </ul>
 * Two kinds of low affinity therefore never bond; two of affinity 1 bond about as strongly as C–C.
 */
public final class KindRules {
    public static final double AFFINITY_THRESHOLD = 0.2;
    public static final double DEPTH_MAX = 400.0;
    public static final double LENGTH_FRACTION = 0.42;
    private static final double[] DEPTH_ORDER = {0, 1.0, 1.76, 2.41};
    private static final double[] LENGTH_ORDER = {0, 1.0, 0.87, 0.78};
    private static final double[] STIFFNESS = {0, 2.4, 2.6, 2.8};
    private static final String CITATION = "open-chemistry kind rule (docs/config.md)";

    private KindRules() {
    }

    /** Morse parameters for two kinds at an order, or null when they cannot bond at that order. */
    public static MorseParams morse(double affinityA, int valenceA, double sigmaA,
                                    double affinityB, int valenceB, double sigmaB, int order) {
        if (order < 1 || order > PhysicsDatabase.MAX_ORDER || order > Math.min(valenceA, valenceB)) {
            return null;
        }
        double g = Math.sqrt(affinityA * affinityB);
        if (!(g >= AFFINITY_THRESHOLD)) {
            return null;
        }
        double re = LENGTH_FRACTION * 0.5 * (sigmaA + sigmaB) * LENGTH_ORDER[order];
        return new MorseParams(DEPTH_MAX * g * DEPTH_ORDER[order], re, STIFFNESS[order] / re, CITATION);
    }

    public static MorseParams morse(Kind a, Kind b, int order) {
        return morse(a.affinity(), a.valence(), a.sigma(), b.affinity(), b.valence(), b.sigma(), order);
    }

    /**
     * Bond rule for a mixed type table: element pairs use the physics database, kind pairs (no element, affinity
     * &gt; 0) use the kind rule, anything else (element–kind, custom types of affinity 0) never bonds.
     */
    public static BondRule bondRule(PhysicsDatabase db) {
        BondRule elements = BondRule.fromDatabase(db);
        return (a, b, order) -> {
            if (a.isElement() && b.isElement()) {
                return elements.bond(a, b, order);
            }
            if (a.isElement() || b.isElement()) {
                return null;
            }
            return morse(a.affinity(), a.maxValence(), a.sigma(), b.affinity(), b.maxValence(), b.sigma(), order);
        };
    }

    /** Convenience for tests and tools: the kind rule applied to two type-table rows. */
    public static MorseParams morse(ParticleType a, ParticleType b, int order) {
        return bondRule(PhysicsDatabase.builtIn()).bond(a, b, order);
    }
}
