package io.live2.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRunnerTest {
    // seconds of work, so that stopping at the first progress report always lands mid-run
    static final String SIM = "{\"preset\": \"miller-urey\", \"particles\": 150, \"steps\": 30000, \"seed\": 5,"
            + " \"output\": {\"snapshot_every\": 1000, \"trajectory_every\": 500}}";

    static JobSpec spec(String id, String sim, long maxRuntime) {
        return JobSpecJson.parse(JobSpecJsonTest.spec(id, sim, 500).replace("3600", Long.toString(maxRuntime)));
    }

    static byte[] bytes(ArtifactStore store, String key) throws Exception {
        try (InputStream in = store.get(key).orElseThrow(() -> new AssertionError("missing " + key))) {
            return in.readAllBytes();
        }
    }

    @Test
    void interruptedThenResumedEqualsUninterrupted(@TempDir Path tmp) throws Exception {
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("store"))) {
            JobSpec whole = spec("whole", SIM, 3600);
            JobStatus w = new JobRunner(whole, store, tmp.resolve("w1"), null, null, Clock.systemUTC()).run();
            assertEquals(JobState.SUCCEEDED, w.state(), String.valueOf(w.failureCause()));

            JobSpec cut = spec("cut", SIM, 3600);
            JobRunner[] holder = new JobRunner[1];
            JobEventListener stopAtFirstProgress = new JobEventListener() {
                @Override
                public void onProgress(JobStatus s) {
                    holder[0].interrupt("test interruption");
                }
            };
            holder[0] = new JobRunner(cut, store, tmp.resolve("w2"), null, stopAtFirstProgress, Clock.systemUTC());
            JobStatus first = holder[0].run();
            assertEquals(JobState.INTERRUPTED, first.state());
            assertEquals("test interruption", first.failureCause());
            assertTrue(first.progress().step() < 30000, "stopped mid-run at " + first.progress().step());
            assertTrue(!store.list(cut.artifactPrefix() + "checkpoints/").isEmpty());

            JobStatus second = new JobRunner(cut, store, tmp.resolve("w3"), null, null, Clock.systemUTC()).run();
            assertEquals(JobState.SUCCEEDED, second.state(), String.valueOf(second.failureCause()));
            assertEquals(2, second.attempt());
            assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED, JobState.RUNNING, JobState.SUCCEEDED),
                    second.history().stream().map(JobStatus.Transition::to).toList());
            String last = "snapshots/snapshot_000030000.json";
            assertArrayEquals(bytes(store, whole.artifactPrefix() + last), bytes(store, cut.artifactPrefix() + last));
            assertArrayEquals(bytes(store, whole.artifactPrefix() + "trajectory.xyz"), bytes(store, cut.artifactPrefix() + "trajectory.xyz"));
            assertArrayEquals(bytes(store, whole.artifactPrefix() + "thermo.csv"), bytes(store, cut.artifactPrefix() + "thermo.csv"));
            JobStatus stored = JobStatusJson.parse(new String(bytes(store, cut.artifactPrefix() + "status.json")));
            assertEquals(second, stored);
            assertTrue(store.list(cut.artifactPrefix() + "checkpoints/").size() <= 2);
            assertTrue(store.get(cut.artifactPrefix() + "results/results.json").isPresent());
        }
    }

    @Test
    void runtimeLimitCheckpointsAndFails(@TempDir Path tmp) throws Exception {
        String longSim = SIM.replace("\"steps\": 30000", "\"steps\": 100000000");
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("store"))) {
            JobSpec spec = spec("limited", longSim, 1);
            JobStatus s = new JobRunner(spec, store, tmp.resolve("w"), null, null, Clock.systemUTC()).run();
            assertEquals(JobState.FAILED, s.state());
            assertEquals(JobRunner.RUNTIME_LIMIT, s.failureCause());
            List<ArtifactStore.ArtifactInfo> cps = store.list(spec.artifactPrefix() + "checkpoints/");
            assertTrue(cps.size() >= 1 && cps.size() <= 2, cps.toString());
            String newest = cps.get(cps.size() - 1).key();
            assertTrue(Files.readString(store.file(spec.artifactPrefix() + "metadata.json"))
                    .contains("\"step_reached\" : " + Long.parseLong(newest.replaceAll(".*checkpoint_0*(\\d+)\\.bin", "$1"))), newest);
            assertTrue(Files.exists(store.file(spec.artifactPrefix() + "metadata.json")));
            // a rerun of a failed job does nothing
            JobStatus again = new JobRunner(spec, store, tmp.resolve("w"), null, null, Clock.systemUTC()).run();
            assertEquals(s, again);
        }
    }
}
