package io.live2.model.kinds;

import io.live2.model.ParticleType;

/**
 * An open-chemistry particle kind: a point in the continuous attribute space of CHEMISTRY.md §2. Kinds are named
 * K1, K2, ... in order of creation (initial kinds first, then each mutation), so names are stable and readable.
 *
 * @param name     "K" + creation index (1-based)
 * @param mass     u
 * @param valence  maximum sum of bond orders, 1..4
 * @param sigma    LJ σ, nm
 * @param epsilon  LJ ε, kJ/mol
 * @param affinity bonding affinity in [0, 1]; pair bond strength grows with the geometric mean of two affinities
 */
public record Kind(String name, double mass, int valence, double sigma, double epsilon, double affinity) {

    public static String name(int index) {
        return "K" + index;
    }

    /** The creation index of a kind name ("K12" → 12), or -1 when the name is not a kind name. */
    public static int indexOf(String name) {
        if (name == null || name.length() < 2 || name.length() > 10 || name.charAt(0) != 'K' || name.charAt(1) == '0') {
            return -1;
        }
        for (int i = 1; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        long v = Long.parseLong(name.substring(1));
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** The engine's view: a type-table row with no element. */
    public ParticleType toParticleType() {
        return new ParticleType(name, null, mass, valence, sigma, epsilon, affinity);
    }
}
