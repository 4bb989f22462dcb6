package io.live2.server.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.live2.server.limits.LocalRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/** The Redis bus against the contract on the local Redis, plus its wire format and its behaviour while Redis is down. */
class RedisProgressBusTest extends ProgressBusContract {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        redisson = LocalRedis.connectOrSkip();
    }

    @AfterAll
    static void disconnect() {
        if (redisson != null) {
            redisson.shutdown();
        }
    }

    @Override
    protected ProgressBus newBus() {
        return new RedisProgressBus(redisson);
    }

    @Test
    void messagesArePlainStringsOnTheJobsChannel() throws InterruptedException {
        String job = job("wire");
        RTopic channel = redisson.getTopic("live:progress:" + job, StringCodec.INSTANCE);
        Inbox raw = Inbox.keeping();
        int listenerId = channel.addListener(String.class, (name, message) -> raw.accept(message));
        try {
            bus.publish(job, "{\"step\":42,\"note\":\"ünïcode\"}");
            assertEquals("{\"step\":42,\"note\":\"ünïcode\"}", raw.next());
        } finally {
            channel.removeListener(listenerId);
        }
    }

    @Test
    void closingTheBusLeavesTheCallersClientOpen() {
        bus.close();
        assertFalse(redisson.isShutdown());
    }

    @Test
    void whileRedisIsDownPublishingDropsQuietlyHealthSaysSoAndSubscribingFails() {
        RedissonClient down = LocalRedis.unreachable();
        try (ProgressBus unreachable = new RedisProgressBus(down)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertDoesNotThrow(() -> unreachable.publish(job("down"), "lost"));
                assertFalse(unreachable.healthy());
                assertThrows(RedisException.class, () -> unreachable.subscribe(job("down"), Inbox.keeping()));
            });
        } finally {
            down.shutdown();
        }
    }
}
