package io.live2.jobs;

import io.live2.model.io.StepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner picks and prunes the store's checkpoints by step number. A job interrupted before checkpoint names had
 * 11 digits has 9-digit keys in the store; its retry uploads 11-digit ones, and text order would prune those (the
 * newest) and resume a later retry from the stale 9-digit one.
 */
class JobRunnerCheckpointOrderTest {
    @Test
    void retryOfAJobWithNineDigitCheckpointKeysKeepsTheNewestCheckpoints(@TempDir Path tmp) throws Exception {
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("store"))) {
            JobSpec spec = JobRunnerTest.spec("legacy", JobRunnerTest.SIM, 3600);
            JobRunner[] holder = new JobRunner[1];
            JobEventListener stopAtFirstProgress = new JobEventListener() {
                @Override
                public void onProgress(JobStatus s) {
                    holder[0].interrupt("test interruption");
                }
            };
            holder[0] = new JobRunner(spec, store, tmp.resolve("w1"), null, stopAtFirstProgress, Clock.systemUTC());
            assertEquals(JobState.INTERRUPTED, holder[0].run().state());

            String folder = spec.artifactPrefix() + "checkpoints/";
            List<ArtifactStore.ArtifactInfo> written = store.list(folder);
            assertTrue(!written.isEmpty());
            for (ArtifactStore.ArtifactInfo a : written) { // as the job's first attempt would have named them
                long step = StepFiles.checkpointStep(a.key().substring(folder.length())).orElseThrow();
                Path copy = tmp.resolve("copy.bin");
                try (InputStream in = store.get(a.key()).orElseThrow()) {
                    Files.copy(in, copy);
                }
                store.put(folder + String.format("checkpoint_%09d.bin", step), copy);
                store.deleteByPrefix(a.key());
                Files.delete(copy);
            }

            JobStatus retry = new JobRunner(spec, store, tmp.resolve("w2"), null, null, Clock.systemUTC()).run();
            assertEquals(JobState.SUCCEEDED, retry.state(), String.valueOf(retry.failureCause()));
            List<Long> steps = store.list(folder).stream()
                    .map(a -> StepFiles.checkpointStep(a.key().substring(folder.length())).orElseThrow()).sorted().toList();
            assertEquals(2, steps.size(), "the newest two are kept: " + steps);
            assertEquals(30_000L, steps.get(1), "the final checkpoint is kept: " + steps);
        }
    }
}
