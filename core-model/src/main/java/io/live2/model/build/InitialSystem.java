package io.live2.model.build;

import io.live2.model.BondRule;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.kinds.Kind;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs at step 0.
 *
 * @param state          positions (wrapped into the box), Maxwell–Boltzmann velocities, type indices, ids 0..n-1
 * @param topology       bonds of the pre-built molecules
 * @param types          the type table ({@code state.type[i]} indexes it)
 * @param bondRule       database rule for elements, kind rule for open-chemistry kinds
 * @param kinds          initial open-chemistry kinds (empty when open chemistry is off)
 * @param moleculeCounts molecules placed per composition entry, in composition order
 * @param placement      the placement actually used: "random" or "lattice"
 */
public record InitialSystem(ParticleState state, Topology topology, List<ParticleType> types, BondRule bondRule,
                            List<Kind> kinds, Map<String, Long> moleculeCounts, String placement) {

    /** Actual atom count (may differ from the config's {@code particles} by less than one molecule). */
    public int atomCount() {
        return state.n;
    }
}
