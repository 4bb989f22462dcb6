package io.live2.server.admission;

import io.live2.server.limits.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

import java.util.UUID;

/** The Redis ledger against the local Redis, under a key prefix of its own. */
class RedisAdmissionLedgerTest extends AdmissionLedgerContract {
    static RedissonClient redis;
    static AdmissionLedger ledger;

    @BeforeAll
    static void open() {
        redis = LocalRedis.connectOrSkip();
        ledger = new RedisAdmissionLedger(redis, "test:" + UUID.randomUUID() + ":admission:", java.time.Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            redis.shutdown();
        }
    }

    @Override
    AdmissionLedger ledger() {
        return ledger;
    }

    @Override
    String newUser() {
        return "u_" + UUID.randomUUID().toString().substring(0, 12);
    }
}
