package io.live2.compute.kernels;

import io.live2.compute.NeighborSettings;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

import java.util.Objects;

/** The argument checks of ComputeBackend.bind that every backend makes, with one wording for their errors. */
public final class BindChecks {
    private BindChecks() {
    }

    /** The topology describes the state's atoms. */
    public static void requireSameAtoms(ParticleState state, Topology topology) {
        if (topology.size() != state.n) {
            throw new IllegalArgumentException("topology has " + topology.size() + " atoms, state has " + state.n);
        }
    }

    /**
     * Settings given, the topology matches, and the LJ cutoff is below half the shorter box side, so that the minimum
     * image is the only image within the cutoff (backends whose neighbour search checks the reach do it there).
     */
    public static void requireBindable(ParticleState state, Topology topology, ForceField forceField,
                                       NeighborSettings settings) {
        Objects.requireNonNull(settings, "settings");
        requireSameAtoms(state, topology);
        double halfBox = 0.5 * Math.min(state.boxX(), state.boxY());
        if (forceField.maxCutoff() >= halfBox) {
            throw new IllegalArgumentException("LJ cutoff " + forceField.maxCutoff()
                    + " nm must be below half the shorter box side (" + halfBox + " nm) for the minimum image");
        }
    }
}
