package io.live2.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs jobs on this machine: a bounded pool of {@code pool_size} workers, each running a {@link JobRunner} against
 * the artifact store. Every job is persisted in {@code state_dir/jobs/<job_id>.json} (spec, status, sweep) at each
 * transition, so a new orchestrator on the same state dir loses nothing: queued jobs are queued again, jobs that
 * were running (or interrupted by {@link #close()}) are re-queued and resume from their checkpoint with attempt + 1.
 * Work directories are {@code state_dir/work/<job_id>}.
 */
public final class LocalOrchestrator implements Orchestrator {
    private final Path stateDir;
    private final ArtifactStore store;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final Map<String, Sweep> sweeps = new ConcurrentHashMap<>();
    private final List<JobEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Recovered jobs not yet handed to the pool, while the owner asked to hold them ({@link #releaseRecovered}). */
    private final List<Entry> held = new ArrayList<>();
    private boolean holding;

    private static final class Entry {
        final JobSpec spec;
        final JobRecord record;
        final String sweepId;
        final int sweepMax;
        JobRunner runner;

        Entry(JobSpec spec, JobRecord record, String sweepId, int sweepMax) {
            this.spec = spec;
            this.record = record;
            this.sweepId = sweepId;
            this.sweepMax = sweepMax;
        }
    }

    /** At most {@code max} jobs of a sweep run at once; the rest wait here, not in the pool. */
    private static final class Sweep {
        final int max;
        int running;
        final Deque<String> waiting = new ArrayDeque<>();

        Sweep(int max) {
            this.max = max;
        }
    }

    public LocalOrchestrator(Path stateDir, ArtifactStore store, int poolSize, Clock clock) throws IOException {
        this(stateDir, store, poolSize, clock, false);
    }

    /**
     * @param holdRecovered keep the jobs recovered from the state dir out of the pool until {@link #releaseRecovered}:
     *                      a restarting server starts its routes first, instead of sharing the cores with resumed
     *                      simulations while it starts (which made a restart take 5-6 s instead of 3-4 here)
     */
    public LocalOrchestrator(Path stateDir, ArtifactStore store, int poolSize, Clock clock, boolean holdRecovered)
            throws IOException {
        this.holding = holdRecovered;
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool_size: " + poolSize + " is out of range; allowed 1..1024");
        }
        this.stateDir = stateDir;
        this.store = store;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        Files.createDirectories(stateDir.resolve("jobs"));
        Files.createDirectories(stateDir.resolve("work"));
        this.pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "local-orchestrator-worker");
            t.setDaemon(true);
            return t;
        });
        recover();
    }

    @Override
    public String name() {
        return "local";
    }

    /** Also tell this listener about every job's transitions, progress and (when it wants them) live frames. */
    public void addListener(JobEventListener l) {
        listeners.add(l);
    }

    private void recover() throws IOException {
        List<Entry> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(stateDir.resolve("jobs"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode n = JobStatusJson.JSON.readTree(f.toFile());
                JobSpec spec = JobSpecJson.parse(n.get("spec").toString());
                JobRecord rec = JobRecord.of(JobStatusJson.fromTree(n.get("status")), clock);
                JsonNode sw = n.path("sweep");
                Entry e = new Entry(spec, rec, sw.isObject() ? sw.get("id").asText() : null,
                        sw.isObject() ? sw.get("max_concurrent").asInt() : 0);
                jobs.put(spec.jobId(), e);
                found.add(e);
            }
        }
        found.sort(Comparator.comparing((Entry e) -> e.record.status().createdAt()).thenComparing(e -> e.spec.jobId()));
        for (Entry e : found) {
            if (e.sweepId != null) {
                sweeps.computeIfAbsent(e.sweepId, k -> new Sweep(e.sweepMax));
            }
            JobState s = e.record.state();
            if (s == JobState.RUNNING) {
                e.record.transition(JobState.INTERRUPTED, "orchestrator restart");
                s = JobState.INTERRUPTED;
            }
            if (s == JobState.INTERRUPTED) {
                e.record.transition(JobState.QUEUED, "re-queued after restart");
            }
            if (!e.record.state().terminal()) {
                persist(e);
                if (holding) {
                    held.add(e);
                } else {
                    dispatch(e);
                }
            }
        }
    }

    /** Hands the recovered jobs held by the constructor to the pool, in their creation order. Idempotent. */
    public void releaseRecovered() {
        List<Entry> release;
        synchronized (held) {
            holding = false;
            release = List.copyOf(held);
            held.clear();
        }
        release.forEach(this::dispatch); // execute() skips a job canceled meanwhile
    }

    @Override
    public JobStatus submit(JobSpec spec) {
        return submit(spec, null, 0);
    }

    private JobStatus submit(JobSpec spec, String sweepId, int sweepMax) {
        JobSpecJson.check(spec);
        if (closed) {
            throw new IllegalStateException("the local orchestrator is closed");
        }
        Entry e = new Entry(spec, JobRecord.create(spec.jobId(), spec.userId(), clock), sweepId, sweepMax);
        if (jobs.putIfAbsent(spec.jobId(), e) != null) {
            throw new DuplicateJobException("job_id: '" + spec.jobId() + "' already exists; job ids are unique");
        }
        persist(e);
        dispatch(e);
        return e.record.status();
    }

    @Override
    public List<JobStatus> submitSweep(JobSpec base, List<SimulationConfig> variants, int maxConcurrent) {
        if (variants == null || variants.isEmpty()) {
            throw new JobRejectedException("variants: empty; a sweep needs at least one simulation");
        }
        if (maxConcurrent < 1) {
            throw new JobRejectedException("max_concurrent: " + maxConcurrent + " is out of range; allowed 1.." + Integer.MAX_VALUE);
        }
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            JobSpec s = new JobSpec(base.version(), base.jobId() + "-" + i, base.userId(), base.environment(), variants.get(i),
                    base.limits(), base.checkpointEvery());
            JobSpecJson.check(s);
            if (jobs.containsKey(s.jobId())) {
                throw new DuplicateJobException("job_id: '" + s.jobId() + "' already exists; job ids are unique");
            }
            specs.add(s);
        }
        if (sweeps.putIfAbsent(base.jobId(), new Sweep(maxConcurrent)) != null) {
            throw new JobRejectedException("job_id: sweep '" + base.jobId() + "' already exists");
        }
        List<JobStatus> out = new ArrayList<>();
        for (JobSpec s : specs) {
            out.add(submit(s, base.jobId(), maxConcurrent));
        }
        return out;
    }

    private void dispatch(Entry e) {
        if (e.sweepId != null) {
            Sweep sw = sweeps.get(e.sweepId);
            synchronized (sw) {
                if (sw.running >= sw.max) {
                    sw.waiting.add(e.spec.jobId());
                    return;
                }
                sw.running++;
            }
        }
        pool.execute(() -> execute(e));
    }

    private void execute(Entry e) {
        try {
            JobRunner runner;
            synchronized (e) {
                JobState s = e.record.state();
                if (closed || (s != JobState.QUEUED && s != JobState.INTERRUPTED)) {
                    return;
                }
                runner = new JobRunner(e.spec, store, stateDir.resolve("work").resolve(e.spec.jobId()), e.record,
                        new Relay(e), clock);
                e.runner = runner;
            }
            runner.run();
        } catch (IOException | RuntimeException ex) {
            synchronized (e) {
                if (e.record.state().canMoveTo(JobState.FAILED)) {
                    e.record.transition(JobState.FAILED, JobSpecJson.oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
                    persist(e);
                }
            }
        } finally {
            synchronized (e) {
                e.runner = null;
            }
            if (e.sweepId != null) {
                Sweep sw = sweeps.get(e.sweepId);
                Entry next = null;
                synchronized (sw) {
                    sw.running--;
                    String id = sw.waiting.poll();
                    if (id != null) {
                        next = jobs.get(id);
                    }
                }
                if (next != null && !closed) {
                    dispatch(next);
                }
            }
        }
    }

    /** Persists every transition and forwards events to the registered listeners. */
    private final class Relay implements JobEventListener {
        private final Entry e;

        Relay(Entry e) {
            this.e = e;
        }

        @Override
        public void onStatus(JobStatus status) {
            persist(e);
            listeners.forEach(l -> l.onStatus(status));
        }

        @Override
        public void onProgress(JobStatus status) {
            listeners.forEach(l -> l.onProgress(status));
        }

        @Override
        public boolean wantsFrames(String jobId) {
            for (JobEventListener l : listeners) {
                if (l.wantsFrames(jobId)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void onFrame(String jobId, LiveFrame frame) {
            for (JobEventListener l : listeners) {
                if (l.wantsFrames(jobId)) {
                    l.onFrame(jobId, frame);
                }
            }
        }
    }

    @Override
    public JobStatus status(String jobId) {
        Entry e = jobs.get(jobId);
        if (e == null) {
            throw new UnknownJobException(jobId);
        }
        return e.record.status();
    }

    @Override
    public List<JobStatus> list(String userId) {
        return jobs.values().stream().map(e -> e.record.status())
                .filter(s -> userId == null || userId.equals(s.userId()))
                .sorted(Comparator.comparing(JobStatus::createdAt).thenComparing(JobStatus::jobId).reversed())
                .toList();
    }

    /** Queued: canceled at once. Running: stopped at the next step, its checkpoint kept; waits up to 5 s for that. */
    @Override
    public JobStatus cancel(String jobId) {
        Entry e = jobs.get(jobId);
        if (e == null) {
            throw new UnknownJobException(jobId);
        }
        JobRunner runner;
        synchronized (e) {
            runner = e.runner;
            if (runner == null) {
                if (e.record.state().canMoveTo(JobState.CANCELED)) {
                    JobStatus s = e.record.transition(JobState.CANCELED, "canceled by user");
                    persist(e);
                    listeners.forEach(l -> l.onStatus(s));
                }
                return e.record.status();
            }
            runner.cancel("canceled by user");
        }
        try {
            runner.awaitFinished(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return e.record.status();
    }

    private void persist(Entry e) {
        synchronized (e) {
            write(e);
        }
    }

    private void write(Entry e) {
        ObjectNode root = JobStatusJson.JSON.createObjectNode();
        root.set("spec", JobSpecJson.toTree(e.spec));
        JobStatus s = e.record.status();
        root.set("status", JobStatusJson.toTree(s));
        if (e.sweepId == null) {
            root.putNull("sweep");
        } else {
            root.putObject("sweep").put("id", e.sweepId).put("max_concurrent", e.sweepMax);
        }
        try {
            Path target = stateDir.resolve("jobs").resolve(e.spec.jobId() + ".json");
            Path tmp = Files.createTempFile(stateDir.resolve("jobs"), ".job-", ".tmp");
            Files.writeString(tmp, JobStatusJson.JSON.writeValueAsString(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException x) {
            throw new UncheckedIOException("cannot persist job " + e.spec.jobId() + " in " + stateDir + ": " + x.getMessage(), x);
        }
        try {
            JobRunner.writeStatus(store, e.spec.artifactPrefix(), s);
        } catch (IOException | RuntimeException ignored) {
            // the state dir is authoritative here; the store copy is refreshed at the next transition
        }
    }

    /**
     * Stops accepting jobs, interrupts running ones (each uploads its checkpoint and is persisted INTERRUPTED) and
     * waits for them; queued jobs stay queued on disk. A new orchestrator on the same state dir continues all of them.
     */
    @Override
    public void close() {
        closed = true;
        List<JobRunner> running = new ArrayList<>();
        for (Entry e : jobs.values()) {
            synchronized (e) {
                if (e.runner != null) {
                    e.runner.interrupt("orchestrator shutdown");
                    running.add(e.runner);
                }
            }
        }
        for (JobRunner r : running) {
            try {
                r.awaitFinished(120, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(120, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
