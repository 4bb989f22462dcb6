package io.live2.server.progress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What every ProgressBus does; the in-process and Redis implementations run the same checks. */
abstract class ProgressBusContract {
    ProgressBus bus;
    String job;

    abstract ProgressBus create();

    @BeforeEach
    void open() {
        bus = create();
        job = "j_" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        bus.close();
    }

    static String next(BlockingQueue<String> q) throws InterruptedException {
        return q.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void subscribersReceiveTheirJobsMessagesInOrderAndNothingAfterClosing() throws Exception {
        BlockingQueue<String> a = new LinkedBlockingQueue<>();
        BlockingQueue<String> b = new LinkedBlockingQueue<>();
        BlockingQueue<String> other = new LinkedBlockingQueue<>();
        ProgressBus.Subscription sa = bus.subscribe(job, a::add);
        ProgressBus.Subscription sb = bus.subscribe(job, m -> {
            b.add(m);
            throw new IllegalStateException("a failing listener does not stop delivery");
        });
        ProgressBus.Subscription so = bus.subscribe(job + "-other", other::add);
        for (int i = 0; i < 50; i++) {
            bus.publish(job, "m" + i);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("m" + i, next(a));
            assertEquals("m" + i, next(b));
        }
        sa.close();
        sa.close();
        bus.publish(job + "-other", "x");
        assertEquals("x", next(other), "the other job's subscriber sees its own message");
        bus.publish(job, "after");
        assertEquals("after", next(b));
        assertNull(a.poll(), "nothing after close");
        assertNull(other.poll(200, TimeUnit.MILLISECONDS), "no other job's messages");
        sb.close();
        so.close();
    }
}
