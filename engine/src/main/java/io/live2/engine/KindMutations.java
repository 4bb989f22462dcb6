package io.live2.engine;

import io.live2.model.BondRule;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.config.SimulationConfig;
import io.live2.model.kinds.Kind;
import io.live2.model.kinds.KindModel;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

import java.util.List;

/**
 * Open chemistry: an atom hit by a pulse mutates, with probability mutation_rate, into a new kind derived from its
 * own (KindModel.mutate), so new kinds appear during the run. A mutation that would leave the atom over its new
 * valence, or with a bond the new kind cannot form, is skipped: the invariants of CHEMISTRY.md §5 hold. The atom
 * keeps its momentum (v' = v·m/m'); the energy change this causes, with the change in potential energy, is counted
 * as injected energy by the caller. The type table is capped at {@link #MAX_TYPES} rows.
 */
final class KindMutations {
    static final int MAX_TYPES = 256;
    private static final int DRAW = Purpose.MUTATION + 3 * 256;

    private final double rate;
    private final KindModel model;
    private final Philox rng;

    KindMutations(SimulationConfig.OpenChemistry cfg, long seed) {
        this.rate = cfg.mutationRate();
        this.model = new KindModel(cfg, seed);
        this.rng = new Philox(seed);
    }

    /** Mutates some of the given atoms; appends new kinds to {@code types}. Returns how many atoms mutated. */
    int apply(long step, int[] atoms, ParticleState s, Topology t, List<ParticleType> types, BondRule rule) {
        int mutated = 0;
        for (int i : atoms) {
            if (types.size() >= MAX_TYPES) {
                break;
            }
            ParticleType parent = types.get(s.type[i]);
            if (parent.isElement() || rng.uniforms(step, s.id[i], DRAW)[0] >= rate) {
                continue;
            }
            Kind child = model.mutate(new Kind(parent.name(), parent.mass(), parent.maxValence(), parent.sigma(),
                    parent.epsilon(), parent.affinity()), step, s.id[i], nextKindIndex(types));
            ParticleType childType = child.toParticleType();
            if (!compatible(i, childType, s, t, types, rule)) {
                continue;
            }
            double scale = parent.mass() / childType.mass();
            s.vx[i] *= scale;
            s.vy[i] *= scale;
            types.add(childType);
            s.type[i] = types.size() - 1;
            mutated++;
        }
        return mutated;
    }

    private static boolean compatible(int i, ParticleType child, ParticleState s, Topology t, List<ParticleType> types, BondRule rule) {
        if (t.valenceUsed(i) > child.maxValence()) {
            return false;
        }
        for (int k = 0; k < t.degree(i); k++) {
            ParticleType other = types.get(s.type[t.partner(i, k)]);
            if (rule.bond(child, other, t.orderAt(i, k)) == null) {
                return false;
            }
        }
        return true;
    }

    private static int nextKindIndex(List<ParticleType> types) {
        int max = 0;
        for (ParticleType p : types) {
            max = Math.max(max, Kind.indexOf(p.name()));
        }
        return max + 1;
    }
}
