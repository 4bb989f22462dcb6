package io.live2.engine;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.engine.analysis.RunAnalysis;
import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import io.live2.model.Units;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Checkpoint;
import io.live2.model.io.CheckpointCodec;
import io.live2.model.io.Snapshot;
import io.live2.model.io.SnapshotJson;
import io.live2.model.io.XyzWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A reactive 2-D particle simulation: velocity Verlet (NVE) or BAOAB Langevin (NVT) on a {@link ComputeBackend},
 * reactive events every K steps, energy pulses, observers, and (optionally) a run directory with snapshots,
 * trajectory and checkpoints. Usable from plain Java:
 *
 * <pre>{@code
 * SimulationConfig cfg = ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"particles\": 500, \"steps\": 2000}");
 * try (Simulation sim = Simulation.builder().config(cfg).runDirectory(Path.of("runs/demo")).build()) {
 *     RunResult result = sim.run();
 *     System.out.println(result.summary().get("bonds_formed"));
 * }
 * }</pre>
 */
public final class Simulation implements AutoCloseable {
    /**
     * The run's mean temperature (results.json {@code mean_temperature}) averages the kinetic temperature at the
     * steps that are multiples of this interval. Not every step: on a device backend each sample is a read-back
     * that would otherwise be the only per-step transfer. A fixed step multiple keeps the mean identical across
     * resume and across backends' scheduling.
     */
    public static final int TEMPERATURE_SAMPLE_INTERVAL = 10;

    private final SimulationConfig config;
    private final String configJson;
    private final ParticleState state;
    private final Topology topology;
    private final List<ParticleType> types;
    private ForceField forceField;
    private final BondRule bondRule;
    private final KindMutations mutations;
    private final ComputeBackend backend;
    private final boolean ownsBackend;
    private final RunLedger ledger;
    private final ReactiveEvents reactions;
    private final EnergyPulses pulses;
    private final List<SimulationObserver> observers;
    private final RunDirectory dir;
    private final long totalSteps;
    private final long progressIntervalNanos;
    private final double dt;
    private final double kT;
    private final double c1;
    private final boolean nvt;
    private final int degreesOfFreedom;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Long resumedFrom;
    private long step;
    /** Energies of the last full force evaluation, or null when forces were evaluated without them since. */
    private Energies energies;
    private volatile boolean stopRequested;

    private Simulation(Builder b, SimulationConfig config, Snapshot start, RunLedger ledger, Long resumedFrom) {
        this.config = config;
        this.configJson = ConfigJson.of(config);
        this.state = start.state();
        this.topology = start.topology();
        this.types = new ArrayList<>(start.types());
        this.step = start.step();
        this.ledger = ledger;
        this.resumedFrom = resumedFrom;
        this.totalSteps = b.totalSteps != null ? b.totalSteps : config.steps();
        if (totalSteps < step) {
            throw new IllegalArgumentException("steps: " + totalSteps + " is below the step already reached (" + step + ")");
        }
        this.bondRule = b.bondRule != null ? b.bondRule : InitialSystems.bondRule(config);
        this.forceField = new ForceField(types, bondRule, config.cutoff());
        this.mutations = config.openChemistry() != null && config.openChemistry().mutationRate() > 0
                ? new KindMutations(config.openChemistry(), config.seed()) : null;
        this.ownsBackend = b.backend == null;
        this.backend = b.backend != null ? b.backend : Backends.create(config.backend(), config.threads());
        this.observers = List.copyOf(b.observers);
        this.dir = b.dir;
        this.progressIntervalNanos = TimeUnit.MILLISECONDS.toNanos(b.progressIntervalMillis);
        this.dt = config.timestep();
        this.nvt = config.ensemble() == SimulationConfig.Ensemble.NVT;
        this.kT = Units.K_B * config.temperature();
        this.c1 = Math.exp(-config.friction() * dt);
        // Langevin samples all 2N degrees of freedom; NVE conserves total momentum, which removes two
        this.degreesOfFreedom = nvt ? 2 * state.n : Math.max(1, 2 * state.n - 2);
        this.reactions = config.reactions() != null && config.reactions().enabled()
                ? new ReactiveEvents(config.reactions(), state, topology, forceField, ledger) : null;
        this.pulses = new EnergyPulses(config.pulses(), config.seed());
        backend.bind(state, topology, forceField, new NeighborSettings(config.skin()));
        this.energies = backend.computeForces();
        if (Double.isNaN(ledger.energyInitial)) {
            ledger.energyInitial = totalEnergy();
            ledger.elementsInitial = elementCounts();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Continues the run in {@code runDirectory} from its newest intact checkpoint up to {@code totalSteps} (null keeps
     * the configured step count). The result is bit-identical to an uninterrupted run. A damaged newer checkpoint is
     * moved aside and reported to the observers' {@link SimulationObserver#onNotice} and the log.
     *
     * @throws io.live2.model.config.ConfigException when totalSteps is out of range or below the step reached
     * @throws RunDirectoryException                 when there is no intact checkpoint or metadata.json is damaged
     */
    public static Simulation resume(Path runDirectory, Long totalSteps, List<SimulationObserver> observers) throws IOException {
        ResumePoint from = ResumePoint.find(runDirectory, totalSteps);
        RunDirectory d = from.dir();
        for (String notice : from.notices()) {
            d.log(notice);
            observers.forEach(o -> o.onNotice(notice));
        }
        Checkpoint cp = from.checkpoint();
        Builder b = builder().runDirectory(runDirectory);
        b.totalSteps = from.totalSteps();
        observers.forEach(b::observer);
        b.dirHandle = d;
        d.log("resuming from " + from.file().getFileName() + " at step " + cp.snapshot().step() + " to " + b.totalSteps);
        return new Simulation(b.prepared(), from.config(), cp.snapshot(), RunLedger.from(cp.counters(), cp.accumulators()), cp.snapshot().step());
    }

    /** Ask the run to stop at the next step boundary; it writes a checkpoint and returns INTERRUPTED. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Blocks until {@link #run()} has returned (used by shutdown hooks so the checkpoint is on disk first). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public long step() {
        return step;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public ParticleState state() {
        return state;
    }

    public Topology topology() {
        return topology;
    }

    public ForceField forceField() {
        return forceField;
    }

    public SimulationConfig config() {
        return config;
    }

    public String backendName() {
        return backend.name();
    }

    public RunLedger ledger() {
        return ledger;
    }

    public double kineticEnergy() {
        return backend.kineticEnergy();
    }

    public double potentialEnergy() {
        return energies().potential();
    }

    public double totalEnergy() {
        return kineticEnergy() + energies().potential();
    }

    public double temperature() {
        return 2.0 * kineticEnergy() / (degreesOfFreedom * Units.K_B);
    }

    /** Instantaneous 2-D pressure P = (2K + W) / (2A), kJ/mol/nm². */
    public double pressure() {
        return (2.0 * kineticEnergy() + energies().virial()) / (2.0 * state.boxX() * state.boxY());
    }

    /** A deep copy of the current state, safe to keep. */
    public Snapshot snapshot() {
        backend.pullState();
        return new Snapshot(step, step * dt, List.copyOf(types), state.copy(), topology.copy());
    }

    /** Runs to the configured number of steps, or until {@link #requestStop()}. */
    public RunResult run() throws IOException {
        long startNanos = System.nanoTime();
        long startStep = step;
        try (XyzWriter trajectory = openTrajectory()) {
            if (dir != null) {
                MetadataWriter.started(dir, this, resumedFrom);
                if (step == 0) {
                    writeSnapshot();
                    if (trajectory != null) {
                        trajectory.frame(0, 0, state, types);
                    }
                }
            }
            long lastEmit = System.nanoTime();
            while (step < totalSteps && !stopRequested) {
                advance(step + 1);
                step++;
                afterStep(trajectory);
                long now = System.nanoTime();
                if (now - lastEmit >= progressIntervalNanos) {
                    lastEmit = now;
                    emitProgress(startNanos, startStep);
                }
            }
            RunStatus status = step >= totalSteps ? RunStatus.SUCCEEDED : RunStatus.INTERRUPTED;
            double wall = (System.nanoTime() - startNanos) / 1e9;
            emitProgress(startNanos, startStep);
            backend.pullState();
            if (dir != null) {
                writeCheckpoint();
                if (status == RunStatus.SUCCEEDED) {
                    writeSnapshot();
                }
            }
            ledger.wallSecondsBefore += wall;
            Map<String, Object> summary = ResultsSummary.of(this, status, step - startStep, wall);
            if (dir != null && status == RunStatus.SUCCEEDED) {
                RunAnalysis.Summary chem = RunAnalysis.analyze(dir.root());
                summary.put("analysis_frames", chem.frames());
                summary.put("species_total", chem.species());
                summary.put("species_novel", chem.novelSpecies());
                summary.put("reaction_types", chem.reactionTypes());
                summary.put("reaction_events", chem.reactionEvents());
                summary.put("autocatalytic_cycles", chem.autocatalyticCycles());
                dir.log(String.format(java.util.Locale.ROOT, "analysis of %d snapshots took %.2f s (run %.2f s)",
                        chem.frames(), chem.seconds(), wall));
            }
            if (dir != null) {
                dir.writeJson(dir.results(), summary);
                MetadataWriter.finished(dir, this, status);
                dir.log("run " + status.wireName() + " at step " + step);
            }
            RunResult result = new RunResult(status, summary, dir == null ? null : dir.root());
            observers.forEach(o -> o.onFinish(result));
            return result;
        } finally {
            finished.countDown();
        }
    }

    /** One time step: B A O A B (NVT, BAOAB) or B A B (NVE, velocity Verlet). */
    private void advance(long next) {
        double half = 0.5 * dt;
        backend.kick(half);
        if (nvt) {
            backend.drift(half);
            backend.thermostat(c1, kT, config.seed(), next);
            backend.drift(half);
        } else {
            backend.drift(dt);
        }
        // the step needs forces only; energies are evaluated when something reads them (progress, output, results)
        backend.computeForcesOnly();
        energies = null;
        backend.kick(half);
    }

    private void afterStep(XyzWriter trajectory) throws IOException {
        boolean reactive = reactions != null && step % config.reactions().interval() == 0;
        boolean pulse = pulses.due(step);
        SimulationConfig.Output out = config.output();
        if (reactive || pulse || hostNeedsState(out)) {
            backend.pullState();
        }
        if (reactive && reactions.apply(backend)) {
            backend.pushState();
            backend.topologyChanged();
            energies = backend.computeForces();
        }
        if (pulse) {
            ledger.energyInjected += pulses.apply(step, state, topology, forceField);
            ledger.pulses++;
            backend.pushState();
            if (mutations != null) {
                mutate();
            }
        }
        if (step % TEMPERATURE_SAMPLE_INTERVAL == 0) {
            ledger.temperatureSum += temperature();
            ledger.temperatureSamples++;
        }
        if (energies != null && !Double.isFinite(energies.potential())) {
            throw new SimulationFailedException("the simulation became unstable at step " + step
                    + " (non-finite energy); reduce timestep or temperature");
        }
        if (out != null) {
            if (out.snapshotEvery() > 0 && step % out.snapshotEvery() == 0 && step != totalSteps) {
                if (dir != null) {
                    writeSnapshot();
                } else if (!observers.isEmpty()) {
                    Snapshot snap = snapshot();
                    observers.forEach(o -> o.onSnapshot(snap));
                }
            }
            if (trajectory != null && out.trajectoryEvery() > 0 && step % out.trajectoryEvery() == 0) {
                trajectory.frame(step, step * dt, state, types);
            }
            if (dir != null && out.checkpointEvery() > 0 && step % out.checkpointEvery() == 0 && step != totalSteps) {
                writeCheckpoint();
            }
        }
    }

    /**
     * Pulse-driven kind mutations. The type table grows, so the force field is rebuilt and the backend re-bound;
     * the total-energy change (mass change at fixed momentum, new pair parameters) is counted as injected energy.
     */
    private void mutate() {
        int[] region = pulses.region(step, state);
        double before = totalEnergy();
        int mutated = mutations.apply(step, region, state, topology, types, bondRule);
        if (mutated == 0) {
            return;
        }
        ledger.mutations += mutated;
        forceField = new ForceField(types, bondRule, config.cutoff());
        if (reactions != null) {
            reactions.forceField(forceField);
        }
        backend.bind(state, topology, forceField, new NeighborSettings(config.skin()));
        energies = backend.computeForces();
        ledger.energyInjected += totalEnergy() - before;
    }

    /**
     * The energies at the current positions: a full evaluation when the last step computed forces only. It rewrites
     * the same forces (forces depend on positions and bonds alone), so calling it never changes the trajectory.
     */
    private Energies energies() {
        if (energies == null) {
            energies = backend.computeForces();
        }
        return energies;
    }

    /** True when this step writes a snapshot, trajectory frame or checkpoint (the host arrays must be current). */
    private boolean hostNeedsState(SimulationConfig.Output out) {
        if (out == null) {
            return false;
        }
        return every(out.snapshotEvery()) || every(out.trajectoryEvery()) || every(out.checkpointEvery());
    }

    private boolean every(long interval) {
        return interval > 0 && step % interval == 0;
    }

    private void emitProgress(long startNanos, long startStep) {
        if (!Double.isFinite(energies().potential())) {
            throw new SimulationFailedException("the simulation became unstable at step " + step
                    + " (non-finite energy); reduce timestep or temperature");
        }
        if (observers.isEmpty()) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double rate = elapsed > 0 ? (step - startStep) / elapsed : 0;
        double eta = rate > 0 ? (totalSteps - step) / rate : Double.NaN;
        Progress p = new Progress(step, totalSteps, elapsed, rate, eta, topology.bondCount(), Molecules.count(topology),
                temperature(), totalEnergy());
        observers.forEach(o -> o.onProgress(p));
    }

    private XyzWriter openTrajectory() throws IOException {
        SimulationConfig.Output out = config.output();
        if (dir == null || out == null || out.trajectoryEvery() <= 0) {
            return null;
        }
        if (step > 0) {
            TrajectoryFiles.truncateAfter(dir.trajectory(), step);
            return new XyzWriter(dir.trajectory(), true);
        }
        return new XyzWriter(dir.trajectory(), false);
    }

    private void writeSnapshot() throws IOException {
        Snapshot snap = snapshot();
        SnapshotJson.write(snap, dir.snapshot(step));
        observers.forEach(o -> o.onSnapshot(snap));
    }

    private void writeCheckpoint() throws IOException {
        Checkpoint cp = new Checkpoint(configJson, new Snapshot(step, step * dt, List.copyOf(types), state, topology),
                ledger.counters(), ledger.accumulators());
        CheckpointCodec.write(cp, dir.checkpoint(step));
        CheckpointRetention.keepLatest(dir, 2);
    }

    /** Element (or open-chemistry kind) → atom count. */
    public Map<String, Long> elementCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (int i = 0; i < state.n; i++) {
            ParticleType t = types.get(state.type[i]);
            counts.merge(t.element() != null ? t.element() : t.name(), 1L, Long::sum);
        }
        return counts;
    }

    String configJson() {
        return configJson;
    }

    double timestep() {
        return dt;
    }

    int threads() {
        return backend.threads();
    }

    long neighbourBuilds() {
        return backend.neighbourBuilds();
    }

    @Override
    public void close() {
        if (ownsBackend) {
            backend.close();
        }
    }

    /** Collects what a simulation is built from. */
    public static final class Builder {
        private SimulationConfig config;
        private Snapshot initial;
        private BondRule bondRule;
        private ComputeBackend backend;
        private Path runDirectory;
        private RunDirectory dirHandle;
        private RunDirectory dir;
        private Long totalSteps;
        private long progressIntervalMillis = 500;
        private final List<SimulationObserver> observers = new ArrayList<>();

        private Builder() {
        }

        /** The resolved configuration (required). */
        public Builder config(SimulationConfig config) {
            this.config = config;
            return this;
        }

        /** Start from this state instead of building one from the config's composition. */
        public Builder initialState(Snapshot snapshot, BondRule rule) {
            this.initial = snapshot;
            this.bondRule = rule;
            return this;
        }

        /** Use this backend (the caller keeps ownership); default: the config's backend by name. */
        public Builder backend(ComputeBackend backend) {
            this.backend = backend;
            return this;
        }

        /** Write the run directory here; without it the simulation writes no files. */
        public Builder runDirectory(Path path) {
            this.runDirectory = path;
            return this;
        }

        public Builder observer(SimulationObserver observer) {
            observers.add(observer);
            return this;
        }

        public Builder progressIntervalMillis(long millis) {
            this.progressIntervalMillis = millis;
            return this;
        }

        private Builder prepared() throws IOException {
            if (runDirectory != null) {
                dir = dirHandle != null ? dirHandle : RunDirectory.create(runDirectory);
            }
            return this;
        }

        public Simulation build() throws IOException {
            if (config == null) {
                throw new IllegalStateException("Simulation.builder(): config(...) is required");
            }
            Snapshot start = initial;
            if (start == null) {
                InitialSystems.Built built = InitialSystems.build(config);
                start = built.snapshot();
                bondRule = built.bondRule();
            }
            return new Simulation(prepared(), config, start, new RunLedger(), null);
        }
    }
}
