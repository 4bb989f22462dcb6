package io.live2.server.jobs;

import io.live2.jobs.LiveFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame viewer's inbox holds one frame, the newest, however many came, and never loses a state change; the
 * viewers of one job share each step's downsampled encoding per max_atoms.
 */
class FrameStreamTest {

    @Test
    void aSlowViewerHoldsOnlyTheNewestFrameAndNeverLosesAStateChange() throws Exception {
        FrameStream.Inbox inbox = new FrameStream.Inbox();
        inbox.stateChanged();
        for (int i = 0; i < 1_000; i++) {
            inbox.frame("frame " + i);
        }
        assertTrue(inbox.await(0), "something came");
        assertTrue(inbox.takeStateChange(), "the state change survives a thousand frames after it");
        assertFalse(inbox.takeStateChange(), "taken once");
        assertEquals("frame 999", inbox.takeFrame(), "only the newest frame is held");
        assertNull(inbox.takeFrame());
        assertFalse(inbox.await(0), "every signal so far was covered by that look");

        inbox.frame("late");
        inbox.stateChanged();
        assertTrue(inbox.await(0));
        assertTrue(inbox.takeStateChange());
        assertEquals("late", inbox.takeFrame());
    }

    @Test
    void theHeadGivesStepAndAtomsWithoutDecodingTheFrame() {
        String json = FrameCodec.toJson(frame(4321, 250));
        assertArrayEquals(new long[]{4321, 250}, FrameStream.head(json));
    }

    @Test
    void viewersShareOneEncodingPerStepAndMaxAtoms() {
        FrameStream.SharedFrames shared = new FrameStream.SharedFrames().join();
        String first = FrameCodec.toJson(frame(100, 300));
        String a = shared.downsampled(first, 100, 120);
        assertSame(a, shared.downsampled(first, 100, 120), "a second viewer of the step gets the same text, not a new encoding");
        assertEquals(FrameCodec.toJson(FrameCodec.fromJson(first).downsample(120)), a);
        assertEquals(120, FrameStream.head(a)[1]);
        String b = shared.downsampled(first, 100, 150);
        assertEquals(150, FrameStream.head(b)[1], "another max_atoms is encoded on its own");
        assertSame(b, shared.downsampled(first, 100, 150));

        String next = FrameCodec.toJson(frame(200, 300));
        String c = shared.downsampled(next, 200, 120);
        assertEquals(200, FrameStream.head(c)[0], "a newer step is encoded afresh");
        assertSame(c, shared.downsampled(next, 200, 120));
        assertNull(shared.leave(), "the last viewer left: nothing is kept");
    }

    /** A box of n unbonded atoms on a grid. */
    private static LiveFrame frame(long step, int n) {
        byte[] elements = new byte[n];
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            elements[i] = (byte) (i % 2 == 0 ? 1 : 8);
            xy[2 * i] = (i % 20) * 0.5f;
            xy[2 * i + 1] = (i / 20) * 0.5f;
        }
        return new LiveFrame(step, 10, 10, elements, xy, new int[0], n);
    }
}
