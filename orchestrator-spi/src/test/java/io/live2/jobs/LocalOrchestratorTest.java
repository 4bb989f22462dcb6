package io.live2.jobs;

import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalOrchestratorTest {
    static final String TINY = "{\"preset\": \"miller-urey\", \"particles\": 100, \"steps\": 300, \"seed\": %d}";
    static final String LONG = "{\"preset\": \"miller-urey\", \"particles\": 100, \"steps\": %d, \"seed\": 9}";

    static JobSpec spec(String id, String sim) {
        return JobSpecJson.parse(JobSpecJsonTest.spec(id, sim, 200));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20); // polling with a deadline, not timing
        }
    }

    /** Counts jobs in RUNNING at once (overall and per sweep). */
    static final class RunningCounter implements JobEventListener {
        final Map<String, Boolean> running = new ConcurrentHashMap<>();
        final AtomicInteger max = new AtomicInteger();

        @Override
        public synchronized void onStatus(JobStatus s) {
            if (s.state() == JobState.RUNNING) {
                running.put(s.jobId(), true);
            } else {
                running.remove(s.jobId());
            }
            max.accumulateAndGet(running.size(), Math::max);
        }
    }

    private static LocalOrchestrator open(Path dir, int pool) throws Exception {
        return new LocalOrchestrator(dir, new FileSystemArtifactStore(dir.resolve("artifacts")), pool, Clock.systemUTC());
    }

    @Test
    void twentyConcurrentSubmissionsWithAPoolOfTwo(@TempDir Path tmp) throws Exception {
        try (LocalOrchestrator o = open(tmp, 2)) {
            RunningCounter counter = new RunningCounter();
            o.addListener(counter);
            List<Thread> submitters = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                submitters.add(Thread.ofPlatform().start(() -> o.submit(spec("job-" + n, TINY.formatted(n)))));
            }
            for (Thread t : submitters) {
                t.join();
            }
            assertEquals(20, o.list(null).size());
            await("20 jobs to end", () -> o.list(null).stream().allMatch(s -> s.state().terminal()));
            for (JobStatus s : o.list("u-1")) {
                assertEquals(JobState.SUCCEEDED, s.state(), s.jobId() + ": " + s.failureCause());
                assertTrue(Files.exists(tmp.resolve("artifacts/dev/u-1/" + s.jobId() + "/results/results.json")));
                assertTrue(Files.exists(tmp.resolve("jobs/" + s.jobId() + ".json")));
            }
            assertTrue(counter.max.get() <= 2 && counter.max.get() >= 1, "max running at once: " + counter.max.get());
            JobRejectedException dup = assertThrows(JobRejectedException.class, () -> o.submit(spec("job-3", TINY.formatted(3))));
            assertEquals("job_id: 'job-3' already exists; job ids are unique", dup.getMessage());
        }
    }

    @Test
    void cancelQueuedAndRunning(@TempDir Path tmp) throws Exception {
        try (LocalOrchestrator o = open(tmp, 1)) {
            CountDownLatch progressing = new CountDownLatch(1);
            o.addListener(new JobEventListener() {
                @Override
                public void onProgress(JobStatus s) {
                    progressing.countDown();
                }
            });
            o.submit(spec("long", LONG.formatted(100_000_000)));
            o.submit(spec("waiting", TINY.formatted(1)));
            assertTrue(progressing.await(60, TimeUnit.SECONDS));
            JobStatus q = o.cancel("waiting");
            assertEquals(JobState.CANCELED, q.state());
            long t0 = System.nanoTime();
            JobStatus r = o.cancel("long");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(JobState.CANCELED, r.state());
            assertTrue(ms < 1000, "cancel took " + ms + " ms");
            assertTrue(Files.list(tmp.resolve("artifacts/dev/u-1/long/checkpoints")).findAny().isPresent(), "checkpoint kept");
            assertTrue(Files.exists(tmp.resolve("artifacts/dev/u-1/long/metadata.json")));
            assertEquals(JobState.CANCELED, o.status("waiting").state());
            assertThrows(UnknownJobException.class, () -> o.cancel("nope"));
        }
    }

    @Test
    void restartLosesNoJob(@TempDir Path tmp) throws Exception {
        CountDownLatch progressing = new CountDownLatch(1);
        try (LocalOrchestrator o = open(tmp, 1)) {
            o.addListener(new JobEventListener() {
                @Override
                public void onProgress(JobStatus s) {
                    progressing.countDown();
                }
            });
            // long enough (seconds) that closing on its first progress report always catches it running
            o.submit(spec("first", LONG.formatted(60_000)));
            o.submit(spec("second", TINY.formatted(2)));
            assertTrue(progressing.await(60, TimeUnit.SECONDS));
        }
        String persisted = Files.readString(tmp.resolve("jobs/first.json"));
        assertTrue(persisted.contains("\"state\" : \"interrupted\""), persisted);
        assertTrue(Files.readString(tmp.resolve("jobs/second.json")).contains("\"state\" : \"queued\""));
        try (LocalOrchestrator o = open(tmp, 1)) {
            await("both jobs to end", () -> o.list(null).stream().allMatch(s -> s.state().terminal()));
            JobStatus first = o.status("first");
            assertEquals(JobState.SUCCEEDED, first.state(), first.failureCause());
            assertEquals(2, first.attempt());
            assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED, JobState.QUEUED, JobState.RUNNING,
                    JobState.SUCCEEDED), first.history().stream().map(JobStatus.Transition::to).toList());
            assertTrue(Files.readString(tmp.resolve("artifacts/dev/u-1/first/metadata.json")).contains("resumed_from_checkpoint_step"));
            assertEquals(JobState.SUCCEEDED, o.status("second").state());
            assertEquals(1, o.status("second").attempt());
        }
    }

    /** A restarting server holds the recovered jobs until it listens: none runs before the release, a canceled one never. */
    @Test
    void recoveredJobsWaitForTheirRelease(@TempDir Path tmp) throws Exception {
        CountDownLatch progressing = new CountDownLatch(1);
        try (LocalOrchestrator o = open(tmp, 2)) {
            o.addListener(new JobEventListener() {
                @Override
                public void onProgress(JobStatus s) {
                    progressing.countDown();
                }
            });
            o.submit(spec("first", LONG.formatted(60_000)));
            assertTrue(progressing.await(60, TimeUnit.SECONDS));
            o.submit(spec("second", LONG.formatted(60_000)));
        }
        List<JobState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LocalOrchestrator o = new LocalOrchestrator(tmp, new FileSystemArtifactStore(tmp.resolve("artifacts")), 2,
                Clock.systemUTC(), true)) {
            o.addListener(new JobEventListener() {
                @Override
                public void onStatus(JobStatus s) {
                    seen.add(s.state());
                }
            });
            assertEquals(JobState.QUEUED, o.status("first").state());
            assertEquals(JobState.QUEUED, o.status("second").state());
            assertEquals(JobState.CANCELED, o.cancel("second").state(), "a held job can be canceled");
            assertTrue(!seen.contains(JobState.RUNNING), "nothing ran before the release: " + seen);
            o.releaseRecovered();
            o.releaseRecovered(); // idempotent: nothing is dispatched twice
            await("the first job to end", () -> o.status("first").state().terminal());
            assertEquals(JobState.SUCCEEDED, o.status("first").state(), o.status("first").failureCause());
            assertEquals(2, o.status("first").attempt());
            JobStatus second = o.status("second");
            assertEquals(JobState.CANCELED, second.state());
            assertTrue(second.history().stream().filter(t -> t.to() == JobState.RUNNING).count() <= 1,
                    "the canceled job never ran after the restart: " + second.history());
        }
    }

    @Test
    void sweepsRespectTheirCap(@TempDir Path tmp) throws Exception {
        try (LocalOrchestrator o = open(tmp, 2)) {
            RunningCounter counter = new RunningCounter();
            o.addListener(counter);
            List<SimulationConfig> variants = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                variants.add(ConfigLoader.fromJson(TINY.formatted(i)));
            }
            List<JobStatus> sub = o.submitSweep(spec("sweep", TINY.formatted(0)), variants, 1);
            assertEquals(List.of("sweep-0", "sweep-1", "sweep-2", "sweep-3"), sub.stream().map(JobStatus::jobId).toList());
            await("the sweep", () -> o.list(null).stream().allMatch(s -> s.state() == JobState.SUCCEEDED));
            assertEquals(1, counter.max.get());
            assertThrows(JobRejectedException.class, () -> o.submitSweep(spec("other", TINY.formatted(0)), variants, 0));
        }
    }

    @Test
    void badSpecsAndSettingsAreRejectedClearly(@TempDir Path tmp) throws Exception {
        try (LocalOrchestrator o = open(tmp, 1)) {
            JobSpec good = spec("ok", TINY.formatted(1));
            JobSpec badId = new JobSpec(1, "no spaces", "u", "dev", good.simulation(), good.limits(), 10);
            assertEquals("job_id: 'no spaces' is not allowed; allowed 1 to 64 characters from A-Z a-z 0-9 _ -",
                    assertThrows(JobRejectedException.class, () -> o.submit(badId)).getMessage());
            JobSpec badLimit = new JobSpec(1, "x", "u", "dev", good.simulation(),
                    new JobSpec.Limits(0, JobSpec.Capacity.SPOT, 1, 512), 10);
            assertEquals("limits.max_runtime_seconds: 0 is out of range; allowed 1..604800",
                    assertThrows(JobRejectedException.class, () -> o.submit(badLimit)).getMessage());
            assertTrue(o.list(null).isEmpty());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Orchestrators.create("local", Map.of("state_dir", tmp.toString(), "pool_size", "zero")));
        assertTrue(e.getMessage().startsWith("pool_size:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Orchestrators.create("local", Map.of()));
        assertTrue(e.getMessage().startsWith("state_dir:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Orchestrators.create("nomad", Map.of()));
        assertTrue(e.getMessage().contains("'nomad'") && e.getMessage().contains("local"), e.getMessage());
        try (Orchestrator o = Orchestrators.create("local", Map.of("state_dir", tmp.resolve("p").toString()))) {
            assertInstanceOf(LocalOrchestrator.class, o);
        }
    }
}
