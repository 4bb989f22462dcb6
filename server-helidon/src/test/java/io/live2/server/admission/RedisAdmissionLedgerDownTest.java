package io.live2.server.admission;

import io.live2.server.limits.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import java.time.Clock;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Redis down: every ledger operation throws {@link LedgerUnavailableException}, which the API answers 503 with
 * Retry-After (admission fails closed). Found by `live drill deps`: submissions answered 500 while Redis was down.
 */
class RedisAdmissionLedgerDownTest {
    static RedissonClient redis;
    static AdmissionLedger ledger;

    @BeforeAll
    static void open() {
        redis = LocalRedis.unreachable();
        ledger = new RedisAdmissionLedger(redis, "test:down:admission:", Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        redis.shutdown();
    }

    @Test
    void everyOperationSaysTheCountsAreUnavailable() {
        LocalDate day = LocalDate.now(Clock.systemUTC());
        assertThrows(LedgerUnavailableException.class, () -> ledger.reserve("u1", "j1", day, 2, 20));
        assertThrows(LedgerUnavailableException.class, () -> ledger.usage("u1", day));
        assertThrows(LedgerUnavailableException.class, () -> ledger.release("u1", "j1"));
        assertThrows(LedgerUnavailableException.class, () -> ledger.cancelReservation("u1", "j1"));
        assertThrows(LedgerUnavailableException.class, () -> ledger.running());
        assertFalse(ledger.healthy());
    }
}
