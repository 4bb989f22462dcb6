package io.live2.compute;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

/**
 * Neighbour search, forces and integration over a particle state. A backend is bound to one state, topology
 * and force field; the engine owns the loop and the reactive events.
 *
 * <p>Contract every implementation must keep (tests check it against the reference backend):
 * <ul>
 *   <li>forces: LJ (shifted, truncated at the per-pair cutoff) between pairs that are neither bonded nor 1-3,
 *       Morse on bonds, the soft 1-3 repulsion of {@link ForceField}; minimum image everywhere;</li>
 *   <li>determinism: for a fixed input the results are the same bytes whatever the thread count. The CPU
 *       backends sum each atom's pair forces in ascending partner-index order and reduce energies over fixed
 *       atom blocks in block order;</li>
 *   <li>{@link #topologyChanged()} must be called after any bond change before the next force evaluation.</li>
 * </ul>
 */
public interface ComputeBackend extends AutoCloseable {

    /** Backend name as used in configuration ("cpu", "reference", ...). */
    String name();

    /** Worker threads this instance uses. */
    int threads();

    /** Attach to a system. Called once, and again when the force field changes (open-chemistry mutation). */
    void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings);

    /** Recompute forces into state.fx/fy at the current positions (rebuilding neighbour lists if needed). */
    Energies computeForces();

    /**
     * Recompute forces into state.fx/fy like {@link #computeForces()} (the same bytes), for a step whose energies
     * and virial nobody reads: a backend may skip that arithmetic (LAMMPS, too, computes them only on thermo
     * steps). The default evaluates everything and drops the energies.
     */
    default void computeForcesOnly() {
        computeForces();
    }

    /** Bonds changed: exclusions and neighbour lists must be rebuilt before the next force evaluation. */
    void topologyChanged();

    /** v += (f/m)·dt for every atom. */
    void kick(double dt);

    /** x += v·dt for every atom, wrapped into the box. */
    void drift(double dt);

    /**
     * Langevin O-step of sub-step {@code substep} of {@code step}: v ← c1·v + √((1 − c1²)·kT/m)·ξ with ξ from
     * Philox keyed by (seed, step, atom id, {@link io.live2.model.random.Purpose#langevin(int)}). Returns the
     * kinetic energy the step changed (the heat the bath gave; negative when it took heat), so the engine can
     * keep an energy ledger under NVT; CPU backends sum it over the fixed atom blocks, so it has the same bytes
     * for any thread count.
     */
    double thermostat(double c1, double kT, long seed, long step, int substep);

    /** The O-step of an undivided step (sub-step 0). */
    default void thermostat(double c1, double kT, long seed, long step) {
        thermostat(c1, kT, seed, step, 0);
    }

    /**
     * The per-step sanity check and what the sub-step control needs, from the current positions, velocities and
     * forces (see {@link Motion}). CPU backends read their arrays in one pass; a device backend may copy the
     * state back first.
     */
    Motion motion();

    /** Kinetic energy, summed in a thread-count-independent order. */
    double kineticEnergy();

    /**
     * Visit every unbonded, non-1-3 pair with squared distance below maxDistance², each pair once with i &lt; j,
     * ordered by i then j. maxDistance must not exceed the neighbour-list reach (cutoff + skin).
     */
    void forEachPairWithin(double maxDistance, PairVisitor visitor);

    /**
     * Make the host {@link ParticleState} current (positions, velocities, forces) before the engine reads it for
     * reactive events, pulses, snapshots or checkpoints. CPU backends work on the host arrays directly: no-op.
     * Device backends copy back only what the host needs.
     */
    default void pullState() {
    }

    /**
     * The engine changed the host state (velocities after reactive events or pulses); a device backend uploads it
     * before the next step. CPU backends: no-op. Bond changes are announced by {@link #topologyChanged()}, type
     * table changes by a new {@link #bind}.
     */
    default void pushState() {
    }

    /**
     * Builds the neighbour list now, whether or not it is stale, and returns when it is built: for benchmarks
     * (NeighbourBuildBenchmark) and diagnostics. Backends without a list (the all-pairs "reference") refuse.
     */
    default void rebuildNeighbourList() {
        throw new UnsupportedOperationException("backend '" + name() + "' has no neighbour list to rebuild");
    }

    /** How many times the neighbour list has been built (for diagnostics and benchmarks). */
    long neighbourBuilds();

    @Override
    void close();
}
