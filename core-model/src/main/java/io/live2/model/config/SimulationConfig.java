package io.live2.model.config;

import java.util.List;

/**
 * A fully resolved, validated simulation configuration: a preset with the user's overrides applied.
 * JSON field names are the snake_case forms of the component names (see docs/config.md and
 * config.schema.json); {@link ConfigLoader} is the only way to build one from user input.
 *
 * @param preset        preset this config started from (null when built from scratch)
 * @param particles     total atom count the composition is scaled to
 * @param steps         number of time steps
 * @param seed          random seed (Philox key)
 * @param temperature   K: initial velocities and, for NVT, the thermostat target
 * @param timestep      ps
 * @param ensemble      nvt (BAOAB Langevin) or nve (velocity Verlet)
 * @param friction      Langevin γ, 1/ps
 * @param density       atoms per nm² (sets the box)
 * @param cutoff        LJ cutoff in units of σ_ij
 * @param skin          Verlet skin, nm
 * @param backend       auto|cpu|reference|simd|opencl|aparapi
 * @param threads       worker threads
 * @param types         custom particle types (lj-fluid uses one); elements need no entry
 * @param composition   molecules and their relative amounts
 * @param reactions     reactive event settings
 * @param pulses        energy injection
 * @param openChemistry open-chemistry kind model (null when off)
 * @param output        snapshot/checkpoint/trajectory cadence
 * @param placement     initial placement: auto | random | lattice (see docs/config.md "Placement")
 * @param maxDisplacement the farthest any atom may drift in one integration step, in units of the smallest LJ σ
 *                      of the type table; a step in which some atom would drift further is split into sub-steps
 * @param driver        an acceleration driver (the nanoreactor piston), or null for none
 */
public record SimulationConfig(
        String preset,
        int particles,
        long steps,
        long seed,
        double temperature,
        double timestep,
        Ensemble ensemble,
        double friction,
        double density,
        double cutoff,
        double skin,
        String backend,
        int threads,
        List<CustomType> types,
        List<Component> composition,
        Reactions reactions,
        Pulses pulses,
        OpenChemistry openChemistry,
        Output output,
        String placement,
        double maxDisplacement,
        Driver driver) {

    /** Placement names accepted in {@code placement}. */
    public static final List<String> PLACEMENTS = List.of("auto", "random", "lattice");

    /**
     * Default {@code max_displacement}: 0.04 σ_min, 0.010 nm (0.1 Å) for H, the coarse end of what displacement-limited
     * MD of energetic collisions uses; why, with the measurements: docs/validation.md "Sub-steps".
     */
    public static final double DEFAULT_MAX_DISPLACEMENT = 0.04;

    /** The 21-component shape (before {@code driver} existed): no driver. */
    public SimulationConfig(String preset, int particles, long steps, long seed, double temperature, double timestep,
                            Ensemble ensemble, double friction, double density, double cutoff, double skin,
                            String backend, int threads, List<CustomType> types, List<Component> composition,
                            Reactions reactions, Pulses pulses, OpenChemistry openChemistry, Output output,
                            String placement, double maxDisplacement) {
        this(preset, particles, steps, seed, temperature, timestep, ensemble, friction, density, cutoff, skin, backend,
                threads, types, composition, reactions, pulses, openChemistry, output, placement, maxDisplacement, null);
    }

    /** The 20-component shape (before {@code max_displacement} existed): the default limit. */
    public SimulationConfig(String preset, int particles, long steps, long seed, double temperature, double timestep,
                            Ensemble ensemble, double friction, double density, double cutoff, double skin,
                            String backend, int threads, List<CustomType> types, List<Component> composition,
                            Reactions reactions, Pulses pulses, OpenChemistry openChemistry, Output output,
                            String placement) {
        this(preset, particles, steps, seed, temperature, timestep, ensemble, friction, density, cutoff, skin, backend,
                threads, types, composition, reactions, pulses, openChemistry, output, placement,
                DEFAULT_MAX_DISPLACEMENT);
    }

    /** The original 19-component shape (before {@code placement} existed): placement defaults to "auto". */
    public SimulationConfig(String preset, int particles, long steps, long seed, double temperature, double timestep,
                            Ensemble ensemble, double friction, double density, double cutoff, double skin,
                            String backend, int threads, List<CustomType> types, List<Component> composition,
                            Reactions reactions, Pulses pulses, OpenChemistry openChemistry, Output output) {
        this(preset, particles, steps, seed, temperature, timestep, ensemble, friction, density, cutoff, skin, backend,
                threads, types, composition, reactions, pulses, openChemistry, output, "auto", DEFAULT_MAX_DISPLACEMENT);
    }

    public enum Ensemble { NVT, NVE }

    /**
     * An acceleration driver after the ab initio nanoreactor (Wang et al., Nat. Chem. 6, 1044 (2014)): a circular
     * confining wall centred in the box whose radius oscillates between the box's half-diagonal (no atom touches it)
     * and {@code minFraction} of that, with period {@code periodPs}; under NVT the thermostat's target is
     * {@code temperatureK} instead of {@code temperature}. See docs/config.md "Driver".
     *
     * @param type         "piston" (the only driver so far)
     * @param periodPs     period of one compression cycle, ps
     * @param minFraction  smallest wall radius as a fraction of the largest
     * @param temperatureK thermostat target while the driver runs, K (NVT only; NVE has no thermostat)
     */
    public record Driver(String type, double periodPs, double minFraction, double temperatureK) {
        /** Values of {@code driver.type}. */
        public static final List<String> TYPES = List.of("piston");
    }

    /** A user-defined particle type (reduced-unit LJ particles, or extra elements). */
    public record CustomType(String name, double mass, double sigma, double epsilon, int valence) {
    }

    /**
     * One molecule of the composition: a built-in template by formula ("CH4", "NH3", "H2O", "H2", "HCN",
     * "HCONH2", "HCOOH", "CO2", "H2S", ...) or a single atom of an element or custom type; {@code ratio} is its
     * relative amount in molecules.
     */
    public record Component(String molecule, double ratio) {
    }

    /**
     * @param enabled   reactive events on/off
     * @param interval  steps between reactive checks
     * @param formDepth a bond may form when the pair's Morse energy is below −formDepth·D_e
     * @param breakDepth a bond breaks when its Morse energy rises above −breakDepth·D_e
     */
    public record Reactions(boolean enabled, int interval, double formDepth, double breakDepth) {
    }

    /**
     * @param kind        none | discharge | heat | uv
     * @param interval    steps between pulses
     * @param radius      nm
     * @param energy      kJ/mol added per pulse (discharge/heat: kinetic; uv: per broken bond photon energy factor)
     * @param probability uv: chance each bond in the region is hit
     */
    public record Pulses(String kind, int interval, double radius, double energy, double probability) {
    }

    /**
     * Open-chemistry kind model (io.live2.model.kinds): initial kinds are drawn uniformly from these attribute
     * ranges; mutations stay inside them.
     *
     * @param kinds          number of initial kinds
     * @param mutationRate   probability that a pulse-hit particle mutates to a new kind
     * @param massMin        u
     * @param massMax        u
     * @param valenceMin     1..4
     * @param valenceMax     1..4
     * @param sigmaMin       LJ σ, nm
     * @param sigmaMax       LJ σ, nm
     * @param epsilonMin     LJ ε, kJ/mol
     * @param epsilonMax     LJ ε, kJ/mol
     * @param affinityMin    bonding affinity, [0, 1]
     * @param affinityMax    bonding affinity, [0, 1]
     * @param mutationScale  relative size of a mutation step (log-normal factor width for mass/σ/ε, absolute for affinity)
     */
    public record OpenChemistry(int kinds, double mutationRate, double massMin, double massMax, int valenceMin,
                                int valenceMax, double sigmaMin, double sigmaMax, double epsilonMin, double epsilonMax,
                                double affinityMin, double affinityMax, double mutationScale) {

        /** The original two-component shape: attribute ranges take the documented defaults. */
        public OpenChemistry(int kinds, double mutationRate) {
            this(kinds, mutationRate, 6.0, 40.0, 1, 4, 0.25, 0.40, 0.2, 1.2, 0.0, 1.0, 0.1);
        }
    }

    /**
     * @param snapshotEvery   steps between snapshots (0 = only the final one)
     * @param checkpointEvery steps between checkpoints (0 = only on exit)
     * @param trajectoryEvery steps between trajectory frames (0 = none)
     * @param snapshotFiles   which frames also get a snapshots/snapshot_&lt;step&gt;.json file: "latest" (the first,
     *                        the newest and the final one; every frame is in snapshots/frames_*.jsonl.gz) or "all"
     * @param thermoEvery     steps between thermo.csv rows (0 = no thermo.csv)
     */
    public record Output(long snapshotEvery, long checkpointEvery, long trajectoryEvery, String snapshotFiles,
                         long thermoEvery) {
        /** Values of {@code snapshot_files}. */
        public static final List<String> SNAPSHOT_FILES = List.of("latest", "all");
        /** {@code thermo_every} when a config does not say (configs and checkpoints written before the field). */
        public static final long DEFAULT_THERMO_EVERY = 100;

        /** The three-component shape (before {@code snapshot_files}): "latest". */
        public Output(long snapshotEvery, long checkpointEvery, long trajectoryEvery) {
            this(snapshotEvery, checkpointEvery, trajectoryEvery, "latest");
        }

        /** The four-component shape (before {@code thermo_every}): a thermo row every 100 steps. */
        public Output(long snapshotEvery, long checkpointEvery, long trajectoryEvery, String snapshotFiles) {
            this(snapshotEvery, checkpointEvery, trajectoryEvery, snapshotFiles, DEFAULT_THERMO_EVERY);
        }

        public boolean allSnapshotFiles() {
            return "all".equals(snapshotFiles);
        }
    }
}
