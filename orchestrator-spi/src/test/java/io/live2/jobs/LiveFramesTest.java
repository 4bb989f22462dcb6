package io.live2.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local orchestrator hands live frames to the listeners that want them, and builds none when nobody does. */
class LiveFramesTest {

    @Test
    void framesReachOnlyListenersThatWantThem(@TempDir Path tmp) throws Exception {
        List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        AtomicInteger unwanted = new AtomicInteger();
        CountDownLatch two = new CountDownLatch(2);
        try (LocalOrchestrator o = new LocalOrchestrator(tmp, new FileSystemArtifactStore(tmp.resolve("artifacts")), 1,
                Clock.systemUTC())) {
            o.addListener(new JobEventListener() {
                @Override
                public void onFrame(String jobId, LiveFrame f) {
                    unwanted.incrementAndGet(); // wantsFrames is false: never called
                }
            });
            o.addListener(new JobEventListener() {
                @Override
                public boolean wantsFrames(String jobId) {
                    return jobId.equals("watched");
                }

                @Override
                public void onFrame(String jobId, LiveFrame f) {
                    frames.add(f);
                    two.countDown();
                }
            });
            o.submit(LocalOrchestratorTest.spec("watched", String.format(LocalOrchestratorTest.LONG, 2_000_000)));
            assertTrue(two.await(90, TimeUnit.SECONDS), "two frames of the running job");
            o.cancel("watched");
        }
        assertEquals(0, unwanted.get());
        LiveFrame f = frames.get(0);
        assertEquals(100, f.totalAtoms());
        assertEquals(100, f.atoms(), "under the cap every atom is sent");
        for (int k = 0; k < f.atoms(); k++) {
            float x = f.xy()[2 * k];
            float y = f.xy()[2 * k + 1];
            assertTrue(x >= 0 && x < f.boxX() && y >= 0 && y < f.boxY(), "inside the box: " + x + "," + y);
            assertTrue(f.elements()[k] > 0, "miller-urey atoms are elements");
        }
        for (int b : f.bonds()) {
            assertTrue(b >= 0 && b < f.atoms());
        }
        assertTrue(frames.get(1).step() > f.step(), "frames follow the run");
    }
}
