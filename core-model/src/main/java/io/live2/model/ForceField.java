package io.live2.model;

import java.util.List;

/**
 * The type table turned into flat per-pair arrays that force kernels read without indirection.
 * Pair index = ti * typeCount + tj. Mixing is Lorentz–Berthelot: σ_ij = (σ_i + σ_j)/2, ε_ij = √(ε_i ε_j).
 *
 * <p>Three pair relations exist: non-bonded (shifted, truncated LJ), bonded (Morse, LJ excluded) and 1-3
 * (two atoms bonded to a common neighbour: LJ excluded, replaced by a soft repulsion
 * U = K (1 − r/r13)² for r &lt; r13 that only stops bonded neighbours collapsing onto each other;
 * r13 = {@link #R13_FRACTION}·σ_ij, K = {@link #K13}; see docs/validation.md).
 */
public final class ForceField {
    /** Default LJ cutoff in units of σ_ij. */
    public static final double DEFAULT_CUTOFF_FACTOR = 2.5;
    /** Soft 1-3 repulsion range as a fraction of σ_ij. */
    public static final double R13_FRACTION = 0.55;
    /** Soft 1-3 repulsion strength, kJ/mol (energy at contact). */
    public static final double K13 = 100.0;

    private final List<ParticleType> types;
    private final int n;
    private final double[] mass;
    private final double[] invMass;
    private final int[] maxValence;
    private final double[] c12;
    private final double[] c6;
    private final double[] cut2;
    private final double[] shift;
    private final double[] r13;
    private final MorseParams[] morse;
    private final double maxCutoff;
    private final double cutoffFactor;

    public ForceField(List<ParticleType> types, BondRule bondRule, double cutoffFactor) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a force field needs at least one particle type");
        }
        this.types = List.copyOf(types);
        this.cutoffFactor = cutoffFactor;
        n = types.size();
        mass = new double[n];
        invMass = new double[n];
        maxValence = new int[n];
        c12 = new double[n * n];
        c6 = new double[n * n];
        cut2 = new double[n * n];
        shift = new double[n * n];
        r13 = new double[n * n];
        morse = new MorseParams[n * n * (PhysicsDatabase.MAX_ORDER + 1)];
        double maxCut = 0;
        for (int i = 0; i < n; i++) {
            ParticleType a = types.get(i);
            mass[i] = a.mass();
            invMass[i] = 1.0 / a.mass();
            maxValence[i] = a.maxValence();
            for (int j = 0; j < n; j++) {
                ParticleType b = types.get(j);
                int p = i * n + j;
                double sigma = 0.5 * (a.sigma() + b.sigma());
                double eps = Math.sqrt(a.epsilon() * b.epsilon());
                double s6 = Math.pow(sigma, 6);
                c12[p] = 4 * eps * s6 * s6;
                c6[p] = 4 * eps * s6;
                double rc = cutoffFactor * sigma;
                cut2[p] = rc * rc;
                double ir6 = 1.0 / (rc * rc * rc * rc * rc * rc);
                shift[p] = (c12[p] * ir6 - c6[p]) * ir6;
                r13[p] = R13_FRACTION * sigma;
                maxCut = Math.max(maxCut, rc);
                for (int order = 1; order <= PhysicsDatabase.MAX_ORDER; order++) {
                    morse[p * (PhysicsDatabase.MAX_ORDER + 1) + order] = bondRule.bond(a, b, order);
                }
            }
        }
        maxCutoff = maxCut;
    }

    public int typeCount() {
        return n;
    }

    public List<ParticleType> types() {
        return types;
    }

    public double cutoffFactor() {
        return cutoffFactor;
    }

    public double mass(int type) {
        return mass[type];
    }

    /** Per-type 1/m, shared (not copied) for kernels: do not modify. */
    public double[] invMassTable() {
        return invMass;
    }

    public double[] massTable() {
        return mass;
    }

    public int maxValence(int type) {
        return maxValence[type];
    }

    /** The largest LJ cutoff over all type pairs, nm. */
    public double maxCutoff() {
        return maxCutoff;
    }

    public double[] c12Table() {
        return c12;
    }

    public double[] c6Table() {
        return c6;
    }

    public double[] cutoff2Table() {
        return cut2;
    }

    public double[] shiftTable() {
        return shift;
    }

    /** Shifted LJ energy at squared distance r2 (zero at and beyond the cutoff). */
    public double ljEnergy(int ti, int tj, double r2) {
        int p = ti * n + tj;
        if (r2 >= cut2[p]) {
            return 0;
        }
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return (c12[p] * ir6 - c6[p]) * ir6 - shift[p];
    }

    /** LJ force divided by r (multiply by the separation vector to get the force on the first atom). */
    public double ljForceOverR(int ti, int tj, double r2) {
        int p = ti * n + tj;
        if (r2 >= cut2[p]) {
            return 0;
        }
        double ir2 = 1.0 / r2;
        double ir6 = ir2 * ir2 * ir2;
        return (12 * c12[p] * ir6 - 6 * c6[p]) * ir6 * ir2;
    }

    /** Morse parameters for this type pair and order, or null when such a bond cannot exist. */
    public MorseParams morse(int ti, int tj, int order) {
        if (order < 1 || order > PhysicsDatabase.MAX_ORDER) {
            return null;
        }
        return morse[(ti * n + tj) * (PhysicsDatabase.MAX_ORDER + 1) + order];
    }

    public double r13(int ti, int tj) {
        return r13[ti * n + tj];
    }

    /** Soft 1-3 repulsion energy at distance r. */
    public double repulsion13Energy(int ti, int tj, double r) {
        double rc = r13[ti * n + tj];
        if (r >= rc) {
            return 0;
        }
        double s = 1.0 - r / rc;
        return K13 * s * s;
    }

    /** Soft 1-3 repulsion force magnitude −dU/dr (positive = pushes apart). */
    public double repulsion13Force(int ti, int tj, double r) {
        double rc = r13[ti * n + tj];
        if (r >= rc) {
            return 0;
        }
        return 2.0 * K13 * (1.0 - r / rc) / rc;
    }
}
