package io.live2.server.progress;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A listener that keeps what it receives, for tests to wait on: {@link #next()} waits generously (delivery is
 * asynchronous) but returns as soon as a message is there, so no test sleeps a fixed time.
 */
final class Inbox implements Consumer<String> {

    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final boolean throwsAfterReceiving;

    private Inbox(boolean throwsAfterReceiving) {
        this.throwsAfterReceiving = throwsAfterReceiving;
    }

    static Inbox keeping() {
        return new Inbox(false);
    }

    /** Keeps each message, then throws, as a faulty listener would. */
    static Inbox throwingAfterReceiving() {
        return new Inbox(true);
    }

    @Override
    public void accept(String message) {
        received.add(message);
        if (throwsAfterReceiving) {
            throw new IllegalStateException("a faulty listener (thrown on purpose by the test)");
        }
    }

    /** The next message, failing if none comes within 10 s. */
    String next() throws InterruptedException {
        String message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + WAIT_SECONDS + " s");
        return message;
    }

    List<String> next(int count) throws InterruptedException {
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(next());
        }
        return messages;
    }

    /** What has arrived and not been taken yet, without waiting. */
    List<String> unread() {
        List<String> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }
}
