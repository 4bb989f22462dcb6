package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

/**
 * The potential energy between two atoms under the current bond graph, exactly as the backends compute it:
 * Morse when bonded, the soft 1-3 repulsion when they share a bonded neighbour, shifted LJ otherwise.
 * A change to the bond (i, j) alters the relation of (i, j) itself and of the pairs (i, k), k ∈ N(j), and
 * (j, k), k ∈ N(i); summing those before and after gives the event's exact ΔU.
 */
final class PairEnergy {
    private final ParticleState s;
    private final Topology t;
    private ForceField ff;

    PairEnergy(ParticleState s, Topology t, ForceField ff) {
        this.s = s;
        this.t = t;
        this.ff = ff;
    }

    void forceField(ForceField forceField) {
        this.ff = forceField;
    }

    double of(int a, int b) {
        double r2 = s.distance2(a, b);
        int ta = s.type[a];
        int tb = s.type[b];
        int order = t.bondOrder(a, b);
        if (order > 0) {
            MorseParams m = ff.morse(ta, tb, order);
            if (m == null) {
                throw new IllegalStateException("bond " + s.id[a] + "-" + s.id[b] + " of order " + order
                        + " has no Morse parameters for types " + ff.types().get(ta).name() + "/" + ff.types().get(tb).name());
            }
            return m.energy(Math.sqrt(r2));
        }
        if (t.isOneThree(a, b)) {
            return ff.repulsion13Energy(ta, tb, Math.sqrt(r2));
        }
        return ff.ljEnergy(ta, tb, r2);
    }

    /** Sum of the energies of every pair whose relation depends on the edge (i, j). */
    double aroundEdge(int i, int j) {
        double sum = of(i, j);
        for (int k = 0; k < t.degree(j); k++) {
            int p = t.partner(j, k);
            if (p != i) {
                sum += of(i, p);
            }
        }
        for (int k = 0; k < t.degree(i); k++) {
            int p = t.partner(i, k);
            if (p != j) {
                sum += of(j, p);
            }
        }
        return sum;
    }
}
