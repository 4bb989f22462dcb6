package io.live2.jobs;

import io.live2.engine.Progress;
import io.live2.engine.RunDirectory;
import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;
import io.live2.engine.Simulation;
import io.live2.engine.SimulationObserver;
import io.live2.model.io.StepFiles;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one job: spec → local run directory (the engine) → artifacts under the job's prefix in the store.
 *
 * <ul>
 *   <li>On start, if the store holds a checkpoint for the job, the run directory is downloaded (latest checkpoint,
 *       metadata.json, snapshots, trajectory, thermo.csv, logs) and the run resumes from it with {@link Simulation#resume};
 *       otherwise a fresh run starts. A status.json already in the store continues (attempt + 1 on a rerun).</li>
 *   <li>The spec's checkpoint_every replaces the config's output.checkpoint_every. Checkpoints are uploaded as they
 *       appear (checked on the simulation thread at each progress report, so files are consistent), with the
 *       snapshots, trajectory, metadata and logs written so far; the store keeps the newest two checkpoints.</li>
 *   <li>Runtime limit: a wall-clock watchdog (limits.max_runtime_seconds, counted over all attempts) stops the run;
 *       its checkpoint is uploaded and the job ends FAILED with cause "runtime limit".</li>
 *   <li>{@link #interrupt} (SIGTERM, spot reclaim, orchestrator shutdown): checkpoint uploaded, INTERRUPTED.
 *       {@link #cancel}: checkpoint uploaded, CANCELED. Both keep everything written.</li>
 *   <li>status.json is written to the store at every transition and with each checkpoint upload; progress goes to
 *       the listener at most every {@link #PROGRESS_EVERY}.</li>
 * </ul>
 */
public final class JobRunner {
    public static final String RUNTIME_LIMIT = "runtime limit";
    public static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    /** Live frames go to the listener at most this often, and only while it {@link JobEventListener#wantsFrames wants them}. */
    public static final Duration FRAME_EVERY = Duration.ofMillis(250);
    /**
     * The engine's progress reports, on which uploads are checked and frames taken: half the frame interval, so
     * frames come about every 250 ms (a resumed run reports at the engine's default, 500 ms).
     */
    static final long PROGRESS_INTERVAL_MILLIS = 125;
    /** Exit codes of {@code live worker}. */
    public static final int EXIT_SUCCEEDED = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERRUPTED = 3;
    /** The spec of the job, under its prefix: what a resubmission of the same job_id must match. */
    static final String STORED_SPEC = "spec.json";

    private enum Stop { NONE, INTERRUPT, CANCEL, RUNTIME_LIMIT }

    private final JobSpec spec;
    private final ArtifactStore store;
    private final Path workDir;
    private final JobEventListener listener;
    private final Clock clock;
    private final String prefix;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** snapshots/ files in the store and the size they had there: a growing frame-log segment is sent again. */
    private final Map<String, Long> uploaded = new HashMap<>();
    private JobRecord record;
    private volatile Simulation sim;
    private volatile Stop stop = Stop.NONE;
    private volatile String stopReason;
    private long uploadedCheckpointStep = -1;
    private long lastProgressNanos;
    private long lastFrameNanos;
    private boolean frameSent;
    private FrameSampler sampler;
    private boolean progressSent;
    private boolean checkedBeforeRun;

    /**
     * @param record  the job's book (the local orchestrator's); null: continue status.json from the store, or start one
     * @param workDir local run directory (emptied before use)
     */
    public JobRunner(JobSpec spec, ArtifactStore store, Path workDir, JobRecord record, JobEventListener listener, Clock clock) {
        this.spec = JobSpecJson.check(spec);
        this.store = store;
        this.workDir = workDir;
        this.record = record;
        this.listener = listener == null ? JobEventListener.NONE : listener;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.prefix = spec.artifactPrefix();
    }

    public JobSpec spec() {
        return spec;
    }

    /** Stop at the next step boundary, upload the checkpoint and end INTERRUPTED (resumable). Thread-safe. */
    public void interrupt(String reason) {
        requestStop(Stop.INTERRUPT, reason);
    }

    /** Stop at the next step boundary, upload the checkpoint and end CANCELED. Thread-safe. */
    public void cancel(String reason) {
        requestStop(Stop.CANCEL, reason);
    }

    private synchronized void requestStop(Stop kind, String reason) {
        if (stop == Stop.NONE) {
            stop = kind;
            stopReason = reason;
        }
        Simulation s = sim;
        if (s != null) {
            s.requestStop();
        }
    }

    /** Blocks until {@link #run()} has returned (uploads and status included). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** The current status (null before {@link #run()} has read it). */
    public JobStatus status() {
        JobRecord r = record;
        return r == null ? null : r.status();
    }

    public static int exitCode(JobState state) {
        return switch (state) {
            case SUCCEEDED -> EXIT_SUCCEEDED;
            case INTERRUPTED -> EXIT_INTERRUPTED;
            default -> EXIT_FAILED;
        };
    }

    /**
     * snapshots/ in the store follows the local folder: new files and files whose size changed (the open frame-log
     * segment grows; a resume cuts it) are uploaded, files gone locally (a replaced snapshot file, a frame segment cut
     * by a resume) are deleted, so the store holds what a resume elsewhere needs and stays bounded like the folder.
     */
    private void syncSnapshots(boolean all) throws IOException {
        Map<String, Long> local = new HashMap<>();
        try (Stream<Path> snaps = Files.list(workDir.resolve("snapshots"))) {
            for (Path p : snaps.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) { // in-progress temp files of atomic writes
                    local.put("snapshots/" + name, Files.size(p));
                }
            }
        }
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(local).entrySet()) {
            if (all || !e.getValue().equals(uploaded.get(e.getKey()))) {
                store.put(prefix + e.getKey(), workDir.resolve(e.getKey()));
                uploaded.put(e.getKey(), e.getValue());
            }
        }
        for (String gone : new java.util.ArrayList<>(uploaded.keySet())) {
            if (!local.containsKey(gone)) {
                store.deleteByPrefix(prefix + gone);
                uploaded.remove(gone);
            }
        }
    }

    /**
     * What must hold before the job's state is touched: a bad local work directory, a backend this worker cannot
     * run, or a spec that differs from the one stored for the same job id are input or local errors, and must not
     * consume the job (no status is written; the job stays as it was for a corrected retry).
     *
     * @throws JobRejectedException for a spec that differs from the stored one
     * @throws io.live2.compute.UnavailableBackendException for an unusable backend
     * @throws IOException naming the work directory when it cannot be used
     */
    public void checkBeforeRun() throws IOException {
        if (checkedBeforeRun) {
            return; // live worker checks first, to name its options in the messages; run() then need not again
        }
        io.live2.compute.Backends.select(spec.simulation().backend());
        checkWorkDir();
        checkStoredSpec();
        checkedBeforeRun = true;
    }

    private void checkWorkDir() throws IOException {
        if (Files.isDirectory(workDir) && !isEmptyOrRunDirectory(workDir)) {
            // the runner empties its work directory: never a folder that holds something else (--work-dir ~)
            throw new IOException("work directory " + workDir + " holds files that are not a run directory; the runner"
                    + " empties its work directory, so give an empty or new one");
        }
        try {
            Files.createDirectories(workDir);
            Path probe = Files.createTempFile(workDir, ".probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IOException("work directory " + workDir + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The first run stores the spec; a later one must bring the same spec. */
    private void checkStoredSpec() throws IOException {
        Optional<InputStream> stored = store.get(prefix + STORED_SPEC);
        if (stored.isEmpty()) {
            putText(store, prefix + STORED_SPEC, JobSpecJson.toJson(spec));
            return;
        }
        String theirs;
        try (InputStream in = stored.get()) {
            theirs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JobSpec storedSpec;
        try {
            storedSpec = JobSpecJson.parse(theirs);
        } catch (JobRejectedException e) {
            throw new JobRejectedException("job_id: '" + spec.jobId() + "': the spec stored for it (" + prefix + STORED_SPEC
                    + ") is not readable: " + e.getMessage());
        }
        if (!storedSpec.equals(spec)) {
            throw new JobRejectedException("job_id: '" + spec.jobId() + "' already holds a different job in the store ("
                    + prefix + STORED_SPEC + " differs from this spec" + (storedSpec.simulation().equals(spec.simulation())
                    ? "" : " in its simulation") + "); resubmit the same spec to continue it, or use a new job_id");
        }
    }

    private static boolean isEmptyOrRunDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.isEmpty() || names.contains("metadata.json") || names.contains("checkpoints");
        }
    }

    /**
     * Runs the job to an end state: SUCCEEDED, FAILED, CANCELED or INTERRUPTED; never throws for a job failure.
     *
     * @throws IOException when the store cannot take the end state (status.json): then the end is not reported,
     *                     success included, and a rerun continues from the stored checkpoint
     */
    public JobStatus run() throws IOException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-" + spec.jobId() + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            // input and local errors first: for a worker (no record yet) they end here, before any status is written
            checkBeforeRun();
            if (record == null) {
                record = loadRecord();
            }
            JobState at = record.state();
            if (at.terminal()) {
                return record.status();
            }
            if (at == JobState.RUNNING) {
                // a previous worker died without saying so (SIGKILL, lost host): its attempt was interrupted
                transition(JobState.INTERRUPTED, "worker lost");
            }
            if (stop == Stop.CANCEL) {
                return end(Stop.CANCEL);
            }
            if (stop != Stop.NONE) {
                return record.status();
            }
            transition(JobState.RUNNING, record.status().attempt() == 1 && record.status().startedAt() == null ? "started" : "resumed");
            Duration left = Duration.ofSeconds(spec.limits().maxRuntimeSeconds()).minus(runtimeUsed(record.status()));
            if (left.isNegative() || left.isZero()) {
                stop = Stop.RUNTIME_LIMIT;
                return end(Stop.RUNTIME_LIMIT);
            }
            ScheduledFuture<?> limit = watchdog.schedule(() -> requestStop(Stop.RUNTIME_LIMIT, RUNTIME_LIMIT),
                    left.toMillis(), TimeUnit.MILLISECONDS);
            RunResult result;
            try (Simulation s = open()) {
                synchronized (this) {
                    sim = s;
                    if (stop != Stop.NONE) {
                        s.requestStop();
                    }
                }
                result = s.run();
            } finally {
                limit.cancel(false);
            }
            uploadRunDirectory(true);
            if (result.status() == RunStatus.SUCCEEDED) {
                return transition(JobState.SUCCEEDED, "finished at step " + result.steps());
            }
            return end(stop == Stop.NONE ? Stop.INTERRUPT : stop);
        } catch (RuntimeException | IOException e) {
            if (record != null && record.state() == JobState.SUCCEEDED) {
                // only the succeeded status.json can fail after the transition: every artifact is up, but the store
                // does not say so. Returning SUCCEEDED would make live worker exit 0 (Batch: succeeded) over a store
                // that still says running. Throwing makes it exit 1, a clear failure (issue 16: no success the store
                // does not hold); a rerun of the job resumes from the final checkpoint and stores the success.
                throw new IOException("job " + spec.jobId() + " finished, but its succeeded status could not be stored: "
                        + e.getMessage(), e);
            }
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                uploadRunDirectory(true);
            } catch (IOException | RuntimeException ignored) {
                // the failure itself is what we report
            }
            if (record == null) {
                throw e;
            }
            return record.state().canMoveTo(JobState.FAILED) ? transition(JobState.FAILED, JobSpecJson.oneLine(cause)) : record.status();
        } finally {
            watchdog.shutdownNow();
            finished.countDown();
        }
    }

    private JobStatus end(Stop kind) throws IOException {
        return switch (kind) {
            case CANCEL -> transition(JobState.CANCELED, stopReason == null ? "canceled" : stopReason);
            case RUNTIME_LIMIT -> transition(JobState.FAILED, RUNTIME_LIMIT);
            default -> transition(JobState.INTERRUPTED, stopReason == null ? "interrupted" : stopReason);
        };
    }

    /** Wall time spent RUNNING over earlier attempts (from the history) plus the current attempt so far. */
    Duration runtimeUsed(JobStatus s) {
        Duration used = Duration.ZERO;
        Instant since = null;
        for (JobStatus.Transition t : s.history()) {
            if (t.to() == JobState.RUNNING) {
                since = t.at();
            } else if (since != null && t.from() == JobState.RUNNING) {
                used = used.plus(Duration.between(since, t.at()));
                since = null;
            }
        }
        if (since != null) {
            used = used.plus(Duration.between(since, clock.instant()));
        }
        return used;
    }

    private JobRecord loadRecord() throws IOException {
        Optional<InputStream> in = store.get(prefix + "status.json");
        if (in.isPresent()) {
            try (InputStream s = in.get()) {
                return JobRecord.of(JobStatusJson.parse(new String(s.readAllBytes(), StandardCharsets.UTF_8)), clock);
            }
        }
        JobRecord r = JobRecord.create(spec.jobId(), spec.userId(), clock);
        writeStatus(r.status());
        return r;
    }

    private JobStatus transition(JobState to, String reason) throws IOException {
        JobStatus s = record.transition(to, reason);
        writeStatus(s);
        safe(() -> listener.onStatus(s));
        return s;
    }

    private void writeStatus(JobStatus s) throws IOException {
        writeStatus(store, prefix, s);
    }

    /** Writes status.json under the prefix. */
    static void writeStatus(ArtifactStore store, String prefix, JobStatus s) throws IOException {
        putText(store, prefix + "status.json", JobStatusJson.toJson(s));
    }

    /** Puts a small text object (the store's put takes a file). */
    private static void putText(ArtifactStore store, String key, String text) throws IOException {
        Path tmp = Files.createTempFile("artifact-", ".txt");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            store.put(key, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // a listener (callback) that fails never fails the job
        }
    }

    /** The config the engine runs: the spec's simulation with output.checkpoint_every from the spec. */
    static SimulationConfig effectiveConfig(JobSpec spec) {
        return ConfigLoader.resolve(ConfigLoader.toJson(spec.simulation()),
                Map.of("output.checkpoint_every", spec.checkpointEvery()));
    }

    private Simulation open() throws IOException {
        clean(workDir);
        Files.createDirectories(workDir);
        List<ArtifactStore.ArtifactInfo> objects = store.list(prefix);
        Optional<ArtifactStore.ArtifactInfo> checkpoint = objects.stream()
                .filter(a -> a.key().startsWith(prefix + "checkpoints/") && checkpointStep(a).isPresent())
                .max(Comparator.comparingLong(a -> checkpointStep(a).getAsLong())); // by step: names differ in width
        List<SimulationObserver> observers = List.of(new Uploader());
        if (checkpoint.isEmpty()) {
            return Simulation.builder().config(effectiveConfig(spec)).runDirectory(workDir).observer(observers.get(0))
                    .progressIntervalMillis(PROGRESS_INTERVAL_MILLIS).build();
        }
        for (ArtifactStore.ArtifactInfo a : objects) {
            String rel = a.key().substring(prefix.length());
            boolean oldCheckpoint = rel.startsWith("checkpoints/") && !a.key().equals(checkpoint.get().key());
            if (rel.equals("status.json") || rel.equals(STORED_SPEC) || oldCheckpoint || rel.startsWith("results/")) {
                continue;
            }
            Path target = workDir.resolve(rel);
            Files.createDirectories(target.getParent());
            try (InputStream in = store.get(a.key()).orElseThrow(() -> new IOException("artifact vanished: " + a.key()))) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (rel.startsWith("snapshots/")) {
                uploaded.put(rel, Files.size(target));
            }
        }
        String cpName = checkpoint.get().key().substring(checkpoint.get().key().lastIndexOf('/') + 1);
        uploadedCheckpointStep = Long.parseLong(cpName.replaceAll("\\D", ""));
        RunDirectory.open(workDir).log("job " + spec.jobId() + " attempt " + record.status().attempt()
                + ": downloaded " + cpName + " from the artifact store");
        Simulation s = Simulation.resume(workDir, null, observers);
        return s;
    }

    /** Uploads new checkpoints (with what they depend on) and reports progress; runs on the simulation thread. */
    private final class Uploader implements SimulationObserver {
        @Override
        public void onProgress(Progress p) {
            JobProgress jp = new JobProgress(p.step(), p.totalSteps(), 100.0 * p.fraction(), p.stepsPerSecond(), p.molecules(),
                    p.temperature(), p.bonds());
            JobStatus s = record.progress(jp);
            long now = System.nanoTime();
            if (!progressSent || now - lastProgressNanos >= PROGRESS_EVERY.toNanos()) {
                progressSent = true;
                lastProgressNanos = now;
                safe(() -> listener.onProgress(s));
            }
            frame(p.step(), now);
            try {
                uploadRunDirectory(false);
            } catch (IOException e) {
                throw new UncheckedIOException("artifact upload failed: " + e.getMessage(), e);
            }
        }
    }

    /** A live frame for the listener, when it wants one and the last is at least {@link #FRAME_EVERY} old. */
    private void frame(long step, long now) {
        if (frameSent && now - lastFrameNanos < FRAME_EVERY.toNanos()) {
            return;
        }
        Simulation s = sim;
        String id = spec.jobId();
        try {
            if (s == null || !listener.wantsFrames(id)) {
                return;
            }
            frameSent = true;
            lastFrameNanos = now;
            if (sampler == null) {
                sampler = new FrameSampler();
            }
            // device backends: the host arrays are as of the engine's last pull (reaction checks, snapshots)
            LiveFrame f = sampler.capture(step, s.state(), s.topology(), s.forceField(), LiveFrame.MAX_ATOMS);
            listener.onFrame(id, f);
        } catch (RuntimeException e) {
            // a viewer's frame never fails the job
        }
    }

    /**
     * Uploads what changed: when a new checkpoint exists (or {@code all}), the new snapshots, trajectory, metadata and
     * logs first, then the checkpoint (a resume never sees a checkpoint without its data), then prunes older
     * checkpoints in the store to the newest two. With {@code all}, results too.
     */
    private synchronized void uploadRunDirectory(boolean all) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        RunDirectory dir = RunDirectory.open(workDir);
        Optional<Path> latest = dir.latestCheckpoint();
        long step = latest.map(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", ""))).orElse(-1L);
        if (!all && step <= uploadedCheckpointStep) {
            return;
        }
        syncSnapshots(all);
        putIfExists(dir.trajectory(), "trajectory.xyz");
        putIfExists(dir.thermo(), "thermo.csv");
        putIfExists(dir.metadata(), "metadata.json");
        try (Stream<Path> logs = Files.list(workDir.resolve("logs"))) {
            for (Path p : logs.sorted().toList()) {
                store.put(prefix + "logs/" + p.getFileName(), p);
            }
        }
        if (all) {
            try (Stream<Path> res = Files.list(dir.resultsDir())) {
                for (Path p : res.sorted().toList()) {
                    store.put(prefix + "results/" + p.getFileName(), p);
                }
            }
        }
        if (latest.isPresent() && step > uploadedCheckpointStep) {
            store.put(prefix + "checkpoints/" + latest.get().getFileName(), latest.get());
            uploadedCheckpointStep = step;
            // oldest step first; the store lists keys in text order, which is wrong past step 10^9 and across name widths
            List<ArtifactStore.ArtifactInfo> cps = store.list(prefix + "checkpoints/").stream()
                    .filter(a -> checkpointStep(a).isPresent())
                    .sorted(Comparator.comparingLong(a -> checkpointStep(a).getAsLong())).toList();
            for (int i = 0; i < cps.size() - 2; i++) {
                store.deleteByPrefix(cps.get(i).key());
            }
            if (!all) {
                writeStatus(record.status());
            }
        }
    }

    private static OptionalLong checkpointStep(ArtifactStore.ArtifactInfo a) {
        return StepFiles.checkpointStep(a.key().substring(a.key().lastIndexOf('/') + 1));
    }

    private void putIfExists(Path file, String rel) throws IOException {
        if (Files.isRegularFile(file)) {
            store.put(prefix + rel, file);
        }
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
