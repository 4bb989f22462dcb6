package io.live2.server.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProgressBus} does, whatever carries its messages. Delivery is asynchronous, so a test that expects
 * nothing on one listener publishes a later message that another listener must see first, and then checks. Job ids
 * carry a random prefix so runs against a shared Redis never hear each other.
 */
public abstract class ProgressBusContract {

    protected ProgressBus bus;
    private final String runPrefix = "test-" + UUID.randomUUID() + ":";

    /** A new bus; the contract closes it. */
    protected abstract ProgressBus newBus();

    @BeforeEach
    void openBus() {
        bus = newBus();
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    /** A job id no other test or run uses. */
    protected String job(String name) {
        return runPrefix + name;
    }

    @Test
    void aSubscriberReceivesTheJobsMessagesInPublicationOrder() throws InterruptedException {
        String job = job("order");
        Inbox inbox = Inbox.keeping();
        bus.subscribe(job, inbox);
        List<String> published = IntStream.range(0, 200).mapToObj(i -> "progress " + i).toList();
        published.forEach(message -> bus.publish(job, message));
        assertEquals(published, inbox.next(published.size()));
    }

    @Test
    void everySubscriberOfTheJobReceivesEachMessage() throws InterruptedException {
        String job = job("fan-out");
        Inbox first = Inbox.keeping();
        Inbox second = Inbox.keeping();
        bus.subscribe(job, first);
        bus.subscribe(job, second);
        bus.publish(job, "a");
        bus.publish(job, "b");
        assertEquals(List.of("a", "b"), first.next(2));
        assertEquals(List.of("a", "b"), second.next(2));
    }

    @Test
    void otherJobsMessagesAreNotReceived() throws InterruptedException {
        String mine = job("mine");
        String other = job("other");
        Inbox inbox = Inbox.keeping();
        Inbox otherInbox = Inbox.keeping();
        bus.subscribe(mine, inbox);
        bus.subscribe(other, otherInbox);
        bus.publish(other, "not yours");
        assertEquals("not yours", otherInbox.next());
        bus.publish(mine, "yours");
        assertEquals("yours", inbox.next());
        assertEquals(List.of(), inbox.unread());
    }

    @Test
    void nothingPublishedBeforeSubscribingIsReceived() throws InterruptedException {
        String job = job("no-history");
        bus.publish(job, "before");
        Inbox inbox = Inbox.keeping();
        bus.subscribe(job, inbox);
        bus.publish(job, "after");
        assertEquals("after", inbox.next());
        assertEquals(List.of(), inbox.unread());
    }

    @Test
    void nothingArrivesAfterTheSubscriptionIsClosedAndClosingTwiceIsHarmless() throws InterruptedException {
        String job = job("unsubscribe");
        Inbox leaving = Inbox.keeping();
        Inbox staying = Inbox.keeping();
        ProgressBus.Subscription subscription = bus.subscribe(job, leaving);
        bus.subscribe(job, staying);
        bus.publish(job, "1");
        assertEquals("1", leaving.next());
        assertEquals("1", staying.next());

        subscription.close();
        assertDoesNotThrow(subscription::close);
        bus.publish(job, "2");
        bus.publish(job, "3");
        assertEquals(List.of("2", "3"), staying.next(2));
        assertEquals(List.of(), leaving.unread());
    }

    @Test
    void aListenerThatThrowsStopsDeliveryNeitherToOthersNorToItself() throws InterruptedException {
        String job = job("faulty");
        Inbox faulty = Inbox.throwingAfterReceiving();
        Inbox healthy = Inbox.keeping();
        bus.subscribe(job, faulty);
        bus.subscribe(job, healthy);
        bus.publish(job, "1");
        bus.publish(job, "2");
        assertEquals(List.of("1", "2"), healthy.next(2));
        assertEquals(List.of("1", "2"), faulty.next(2));
    }

    @Test
    void aClosedBusIgnoresPublicationsDeliversNothingAndRefusesSubscribers() throws InterruptedException {
        String job = job("closed-bus");
        Inbox onClosedBus = Inbox.keeping();
        bus.subscribe(job, onClosedBus);
        bus.close();
        assertDoesNotThrow(() -> bus.publish(job, "after close"));
        assertThrows(IllegalStateException.class, () -> bus.subscribe(job, Inbox.keeping()));

        try (ProgressBus open = newBus()) {
            Inbox witness = Inbox.keeping();
            open.subscribe(job, witness);
            open.publish(job, "from an open bus");
            assertEquals("from an open bus", witness.next());
        }
        assertEquals(List.of(), onClosedBus.unread());
    }

    @Test
    void isHealthyWhileItsStoreAnswers() {
        assertTrue(bus.healthy());
    }
}
