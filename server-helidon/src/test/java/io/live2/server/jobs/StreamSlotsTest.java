package io.live2.server.jobs;

import io.live2.server.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event stream slots: a limit per user (429) inside a limit for the whole server (503), both freed on release. */
class StreamSlotsTest {
    @Test
    void theServerCapRefusesWith503AndAReleaseFreesBothCounts() {
        JobEventStream streams = new JobEventStream(null, null, 2, 3);
        Runnable a1 = streams.openSlot("a");
        streams.openSlot("a");
        ApiException perUser = assertThrows(ApiException.class, () -> streams.openSlot("a"));
        assertEquals(429, perUser.status());
        streams.openSlot("b"); // the third of the server's three
        ApiException full = assertThrows(ApiException.class, () -> streams.openSlot("b"));
        assertEquals(503, full.status());
        assertEquals(5, full.retryAfterSeconds());
        // a refusal by the server cap took nothing: once one of a's streams ends, b's second opens, and a's is free again
        a1.run();
        Runnable b2 = streams.openSlot("b");
        assertThrows(ApiException.class, () -> streams.openSlot("a"), "the server is full again");
        b2.run();
        streams.openSlot("a");
    }
}
