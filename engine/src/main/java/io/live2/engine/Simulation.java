package io.live2.engine;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.Motion;
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
import io.live2.model.io.FrameLog;
import io.live2.model.io.Snapshot;
import io.live2.model.io.SnapshotJson;
import io.live2.model.io.XyzWriter;
import io.live2.model.random.Purpose;

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
    /** The nanoreactor piston, or null (config {@code driver}). */
    private final PistonDriver driver;
    private StepControl control;
    private final RecentEvents recent = new RecentEvents();
    private final List<SimulationObserver> observers;
    private final RunDirectory dir;
    private final long totalSteps;
    private final long progressIntervalNanos;
    private final double dt;
    private final double timeOffset;
    /** Config fields a resume changed, field → [old, new] (metadata.json); empty otherwise. */
    private Map<String, List<Object>> configChanges = Map.of();
    private final double kT;
    private final double c1;
    private final boolean nvt;
    private final int degreesOfFreedom;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Long resumedFrom;
    private long step;
    /** Energies of the last full force evaluation, or null when forces were evaluated without them since. */
    private Energies energies;
    /** The run directory's frame log while {@link #run()} runs (null without a run directory). */
    private FrameLog frames;
    /** thermo.csv while {@link #run()} runs (null without a run directory or with output.thermo_every 0). */
    private ThermoLog thermo;
    /** The per-step check of the current state; its speeds and accelerations also size the next step's sub-steps. */
    private Motion motion = Motion.AT_REST;
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
        // exactly 0 unless a resume changed the timestep: then the time reached so far is kept
        this.timeOffset = start.timePs() - start.step() * dt;
        this.nvt = config.ensemble() == SimulationConfig.Ensemble.NVT;
        this.kT = PistonDriver.thermostatKt(config);
        this.c1 = Math.exp(-config.friction() * dt);
        // Langevin samples all 2N degrees of freedom; NVE conserves total momentum, which removes two
        this.degreesOfFreedom = nvt ? 2 * state.n : Math.max(1, 2 * state.n - 2);
        this.reactions = config.reactions() != null && config.reactions().enabled()
                ? new ReactiveEvents(config.reactions(), state, topology, forceField, ledger, recent) : null;
        this.pulses = new EnergyPulses(config.pulses(), config.seed());
        this.control = StepControl.of(config, types);
        backend.bind(state, topology, forceField, new NeighborSettings(config.skin()));
        this.energies = backend.computeForces();
        this.driver = PistonDriver.of(config);
        if (driver != null) {
            driver.start(timePs(), state);
        }
        check();
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
        return resume(runDirectory, totalSteps, observers, Map.of());
    }

    /**
     * Like {@link #resume(Path, Long, List)}, with config fields changed from the checkpoint's: {@code timestep}
     * and {@code max_displacement} only (e.g. after a failure, a smaller step). The change is recorded in the
     * segment of metadata.json and carried by the checkpoints written from then on; simulated time continues
     * from the checkpoint's.
     */
    public static Simulation resume(Path runDirectory, Long totalSteps, List<SimulationObserver> observers,
                                    Map<String, Object> changes) throws IOException {
        ResumePoint from = ResumePoint.find(runDirectory, totalSteps, changes);
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
        d.log("resuming from " + from.file().getFileName() + " at step " + cp.snapshot().step() + " to " + b.totalSteps
                + (from.changes().isEmpty() ? "" : " with config changes " + from.changes()));
        Simulation sim = new Simulation(b.prepared(), from.config(), cp.snapshot(), RunLedger.from(cp.counters(),
                cp.accumulators()), cp.snapshot().step());
        sim.configChanges = from.changes();
        return sim;
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

    /** Potential energy, kJ/mol: the backend's force field plus the driver's wall, if any. */
    public double potentialEnergy() {
        return energies().potential() + wallEnergy();
    }

    public double totalEnergy() {
        return kineticEnergy() + potentialEnergy();
    }

    private double wallEnergy() {
        if (driver == null) {
            return 0;
        }
        backend.pullState();
        return driver.energy(state, forceField);
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
        return new Snapshot(step, timePs(), List.copyOf(types), state.copy(), topology.copy());
    }

    /** Runs to the configured number of steps, or until {@link #requestStop()}. */
    public RunResult run() throws IOException {
        long startNanos = System.nanoTime();
        long startStep = step;
        try (XyzWriter trajectory = openTrajectory(); FrameLog frameLog = openFrames(); ThermoLog thermoLog = openThermo()) {
            frames = frameLog;
            thermo = thermoLog;
            if (dir != null) {
                MetadataWriter.started(dir, this, resumedFrom);
                if (step == 0 && resumedFrom == null) {
                    writeSnapshot();
                    if (trajectory != null) {
                        trajectory.frame(0, 0, state, types);
                    }
                    if (thermo != null) {
                        writeThermoRow();
                    }
                }
                if (!java.nio.file.Files.exists(dir.checkpoint(step))) {
                    // the starting state, so a run stopped or failing before its first periodic checkpoint can be
                    // resumed (a resumed run already has this checkpoint: it started from it)
                    writeCheckpoint();
                }
            }
            long lastEmit = System.nanoTime();
            try {
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
            } catch (RuntimeException | IOException e) {
                throw FailedRun.record(this, e, (System.nanoTime() - startNanos) / 1e9);
            }
            RunStatus status = step >= totalSteps ? RunStatus.SUCCEEDED : RunStatus.INTERRUPTED;
            double wall = (System.nanoTime() - startNanos) / 1e9;
            emitProgress(startNanos, startStep);
            backend.pullState();
            if (dir != null) {
                writeCheckpoint();
                if (status == RunStatus.SUCCEEDED && !finalFrameWritten(startStep)) {
                    writeSnapshot();
                }
            }
            ledger.wallSecondsBefore += wall;
            Map<String, Object> summary = ResultsSummary.of(this, status, step - startStep, wall);
            if (thermo != null) {
                thermo.summarize(summary);
            }
            if (dir != null && status == RunStatus.SUCCEEDED) {
                RunAnalysis.Summary chem = RunAnalysis.analyze(dir.root());
                chem.addTo(summary);
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

    /**
     * One time step, from step − 1 to step {@code next}: one integration step of dt, or, when some atom would drift
     * further than the limit, several shorter ones that together span dt (see {@link StepControl}). Every part is
     * followed by the sanity check, which also sizes the next part.
     */
    private void advance(long next) {
        if (driver != null) {
            backend.pullState();
            ledger.driverWork += driver.moveTo(timeOffset + next * dt, state, forceField);
        }
        double remaining = dt;
        for (int sub = 0; ; sub++) {
            int parts = control.parts(motion, remaining);
            if (parts > Purpose.MAX_SUBSTEPS - sub) {
                throw new SimulationFailedException(unresolvable(next, remaining / Math.min(parts, Purpose.MAX_SUBSTEPS)));
            }
            double h = parts == 1 ? remaining : remaining / parts;
            integrate(h, next, sub);
            check();
            if (parts == 1) {
                if (sub > 0) {
                    ledger.stepsSplit++;
                    ledger.substepsExtra += sub;
                    ledger.substepsMax = Math.max(ledger.substepsMax, sub + 1);
                }
                return;
            }
            remaining -= h;
        }
    }

    /** One integration step of length h: B A O A B (NVT, BAOAB) or B A B (NVE, velocity Verlet). */
    private void integrate(double h, long next, int substep) {
        double half = 0.5 * h;
        wallKick(half);
        backend.kick(half);
        if (nvt) {
            backend.drift(half);
            // an undivided step uses the constructor's c1, the bytes it always used
            double c = h == dt ? c1 : Math.exp(-config.friction() * h);
            ledger.bathHeat += backend.thermostat(c, kT, config.seed(), next, substep);
            backend.drift(half);
        } else {
            backend.drift(h);
        }
        // the step needs forces only; energies are evaluated when something reads them (progress, output, results)
        backend.computeForcesOnly();
        energies = null;
        if (driver != null) {
            backend.pullState();
            driver.accelerations(state);
        }
        backend.kick(half);
        wallKick(half);
    }

    /** The driver's wall kick, a host pass next to the backend's kick (see {@link PistonDriver}). */
    private void wallKick(double h) {
        if (driver != null) {
            backend.pullState();
            driver.kick(state, h);
            backend.pushState();
        }
    }

    /**
     * The per-step sanity check: every position, velocity and force finite and every atom inside the box, or the
     * run fails here, before a bad state can reach a checkpoint. (An atom that moved more than half the skin since
     * the last neighbour-list build is not a failure: the backends rebuild the list before computing forces.)
     */
    private void check() {
        motion = backend.motion();
        if (driver != null) {
            motion = new Motion(motion.maxSpeed(), motion.maxAcceleration() + driver.maxAcceleration(), motion.firstBadAtom());
        }
        if (!motion.sound()) {
            backend.pullState();
            throw new SimulationFailedException(FailedRun.invalidState(step, state, forceField));
        }
    }

    private Failure unresolvable(long next, double h) {
        backend.pullState();
        return FailedRun.unresolvable(next, state, forceField, h, motion, control.maxDisplacement());
    }

    private void afterStep(XyzWriter trajectory) throws IOException {
        boolean reactive = reactions != null && step % config.reactions().interval() == 0;
        boolean pulse = pulses.due(step);
        SimulationConfig.Output out = config.output();
        if (reactive || pulse || hostNeedsState(out)) {
            backend.pullState();
        }
        boolean changed = false;
        if (reactive && reactions.apply(backend, step)) {
            backend.pushState();
            backend.topologyChanged();
            energies = backend.computeForces();
            changed = true;
        }
        if (pulse) {
            EnergyPulses.Hit hit = pulses.apply(step, state, topology, forceField);
            long[] reached = java.util.Arrays.stream(hit.region()).mapToLong(i -> state.id[i]).toArray();
            recent.pulse(new RecentEvents.Pulse(step, pulses.kind(), hit.x(), hit.y(), pulses.radius(), reached, hit.energy()));
            ledger.energyInjected += hit.energy();
            ledger.pulses++;
            backend.pushState();
            if (mutations != null) {
                mutate(hit.region());
            }
            changed = true;
        }
        if (changed) {
            // events and pulses change velocities (and forces): check again before anything is written
            check();
        }
        if (step % TEMPERATURE_SAMPLE_INTERVAL == 0) {
            ledger.temperatureSum += temperature();
            ledger.temperatureSamples++;
        }
        if (energies != null && !Double.isFinite(energies.potential())) {
            throw new SimulationFailedException("the simulation became unstable at step " + step
                    + " (non-finite energy); reduce timestep or temperature");
        }
        if (thermo != null && thermo.due(step)) {
            writeThermoRow();
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
                trajectory.frame(step, timePs(), state, types);
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
    private void mutate(int[] region) {
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
        control = StepControl.of(config, types);
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

    /**
     * On a resume, the frames written after the checkpoint are cut (the resumed run writes them again, the same
     * bytes); the log then appends.
     */
    private FrameLog openFrames() throws IOException {
        if (dir == null) {
            return null;
        }
        if (step > 0 || resumedFrom != null) {
            FrameLog.truncateAfter(dir.snapshotsDir(), step);
        }
        return new FrameLog(dir.snapshotsDir());
    }

    /** thermo.csv (see {@link ThermoLog}); on a resume, rows after the checkpoint are cut, as the frames are. */
    private ThermoLog openThermo() throws IOException {
        SimulationConfig.Output out = config.output();
        if (dir == null || out == null) {
            return null;
        }
        return ThermoLog.open(dir.root(), out.thermoEvery(), step, step > 0 || resumedFrom != null, totalSteps, state.n);
    }

    private void writeThermoRow() throws IOException {
        thermo.row(step, timePs(), temperature(), kineticEnergy(), potentialEnergy(), pressure(), topology.bondCount(),
                Molecules.count(topology));
    }

    /**
     * Whether this is a resume of a run that had already reached its last step and written its final frame: a worker
     * stopped after its final checkpoint but before it could report the end (a lost host, a store that would not take
     * its status) is rerun from that checkpoint. Writing the frame again would put step N after step N in the frame
     * log, which every reader rejects as damaged.
     */
    private boolean finalFrameWritten(long startStep) throws IOException {
        return resumedFrom != null && step == startStep && java.nio.file.Files.exists(dir.snapshot(step))
                && FrameLog.steps(dir.snapshotsDir()).contains(step);
    }

    /**
     * An analysis frame: appended to the frame log, and written as snapshots/snapshot_&lt;step&gt;.json; unless the
     * config asks for every file, a periodic frame's file replaces the previous periodic one (the first and the
     * final files stay), so a long run keeps three snapshot files, not one per frame.
     */
    private void writeSnapshot() throws IOException {
        Snapshot snap = snapshot();
        frames.append(snap);
        SnapshotJson.write(snap, dir.snapshot(step));
        boolean periodic = step > 0 && step != totalSteps;
        if (periodic && (config.output() == null || !config.output().allSnapshotFiles())) {
            dir.deleteSnapshotFilesBetween(0, step);
        }
        observers.forEach(o -> o.onSnapshot(snap));
    }

    private void writeCheckpoint() throws IOException {
        if (frames != null) {
            frames.sync(); // the checkpoint must never refer to frames that a crash could lose
        }
        if (thermo != null) {
            thermo.flush();
        }
        Checkpoint cp = new Checkpoint(configJson, new Snapshot(step, timePs(), List.copyOf(types), state, topology),
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

    /** Simulated time at the current step, ps. */
    public double timePs() {
        return timeOffset + step * dt;
    }

    Map<String, List<Object>> configChanges() {
        return configChanges;
    }

    RunDirectory runDirectory() {
        return dir;
    }

    RecentEvents recentEvents() {
        return recent;
    }

    /** The sub-step limit in nm (max_displacement × the smallest σ). */
    double maxDisplacementNm() {
        return control.maxDisplacement();
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
