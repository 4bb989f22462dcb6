package io.live2.server.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-process bus against the contract, plus its isolation of slow listeners and its memory. */
class InProcessProgressBusTest extends ProgressBusContract {

    @Override
    protected ProgressBus newBus() {
        return new InProcessProgressBus();
    }

    @Test
    void aSlowListenerBlocksNeitherThePublisherNorOtherSubscribers() throws InterruptedException {
        String job = job("slow");
        CountDownLatch release = new CountDownLatch(1);
        Inbox slow = Inbox.keeping();
        Inbox fast = Inbox.keeping();
        bus.subscribe(job, message -> {
            awaitQuietly(release);
            slow.accept(message);
        });
        bus.subscribe(job, fast);
        List<String> published = IntStream.range(0, 100).mapToObj(i -> "m" + i).toList();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> published.forEach(message -> bus.publish(job, message)));
        assertEquals(published, fast.next(published.size()));
        assertEquals(List.of(), slow.unread());
        release.countDown();
        assertEquals(published, slow.next(published.size()));
    }

    @Test
    void aListenerThatStopsConsumingLosesOnlyWhatExceedsItsMailbox() throws InterruptedException {
        String job = job("stuck");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Inbox stuck = Inbox.keeping();
        bus.subscribe(job, message -> {
            entered.countDown();
            awaitQuietly(release);
            stuck.accept(message);
        });
        bus.publish(job, "first");
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        int overflow = 5;
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < InProcessProgressBus.MAILBOX_CAPACITY + overflow; i++) {
            backlog.add("backlog " + i);
            bus.publish(job, "backlog " + i);
        }
        release.countDown();

        assertEquals("first", stuck.next());
        assertEquals(backlog.subList(0, InProcessProgressBus.MAILBOX_CAPACITY), stuck.next(InProcessProgressBus.MAILBOX_CAPACITY));
        bus.publish(job, "after catching up");
        assertEquals("after catching up", stuck.next(), "the listener that caught up receives again");
    }

    @Test
    void unsubscribingLeavesNoEntryBehind() {
        InProcessProgressBus inProcess = (InProcessProgressBus) bus;
        List<ProgressBus.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            subscriptions.add(bus.subscribe(job("job-" + (i % 100)), message -> { }));
        }
        assertEquals(100, inProcess.jobsWithSubscribers());
        subscriptions.forEach(ProgressBus.Subscription::close);
        assertEquals(0, inProcess.jobsWithSubscribers());
    }

    @Test
    void isUnhealthyOnceClosed() {
        bus.close();
        assertFalse(bus.healthy());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
