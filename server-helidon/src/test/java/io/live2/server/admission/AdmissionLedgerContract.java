package io.live2.server.admission;

import io.live2.billing.DenyReason;
import io.live2.billing.Usage;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every admission ledger must do; subclasses supply the ledger and a user that exists in its store. */
abstract class AdmissionLedgerContract {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    abstract AdmissionLedger ledger();

    /** A fresh user id that the ledger's store accepts (the database ledger locks the user's row). */
    abstract String newUser();

    static String job() {
        return "j_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    @Test
    void grantsUntilTheParallelLimitThenTheDailyLimit() {
        AdmissionLedger l = ledger();
        String u = newUser();
        String a = job();
        assertTrue(l.reserve(u, a, DAY, 2, 3).granted());
        assertTrue(l.reserve(u, job(), DAY, 2, 3).granted());
        AdmissionLedger.Reservation third = l.reserve(u, job(), DAY, 2, 3);
        assertFalse(third.granted());
        assertEquals(DenyReason.PARALLEL_LIMIT, third.reason());
        assertEquals(new Usage(2, 2), third.before());

        l.release(u, a); // a job ended: a parallel slot frees, the day still counts it
        assertEquals(new Usage(1, 2), l.usage(u, DAY));
        assertTrue(l.reserve(u, job(), DAY, 2, 3).granted());
        l.release(u, a);
        AdmissionLedger.Reservation fourth = l.reserve(u, job(), DAY, 5, 3);
        assertFalse(fourth.granted());
        assertEquals(DenyReason.DAILY_LIMIT, fourth.reason(), "3 admitted today: the day is full");
        assertTrue(l.reserve(u, job(), DAY.plusDays(1), 5, 3).granted(), "a new day has its own count");
    }

    @Test
    void everyOperationIsIdempotentPerJob() {
        AdmissionLedger l = ledger();
        String u = newUser();
        String a = job();
        assertTrue(l.reserve(u, a, DAY, 1, 1).granted());
        assertTrue(l.reserve(u, a, DAY, 1, 1).granted(), "the same job again: granted, not counted twice");
        assertEquals(new Usage(1, 1), l.usage(u, DAY));
        l.release(u, a);
        l.release(u, a);
        l.release(u, "j_unknown");
        assertEquals(new Usage(0, 1), l.usage(u, DAY));
    }

    @Test
    void aCanceledReservationCountsForNothing() {
        AdmissionLedger l = ledger();
        String u = newUser();
        String a = job();
        assertTrue(l.reserve(u, a, DAY, 1, 1).granted());
        l.cancelReservation(u, a);
        assertEquals(new Usage(0, 0), l.usage(u, DAY));
        assertTrue(l.reserve(u, job(), DAY, 1, 1).granted());
    }

    @Test
    void runningListsEachRunningJobWithTheTimeOfItsReservation() {
        AdmissionLedger l = ledger();
        String u = newUser();
        String a = job();
        String b = job();
        long before = System.currentTimeMillis();
        l.reserve(u, a, DAY, 5, 5);
        l.reserve(u, b, DAY, 5, 5);
        l.release(u, a);
        java.util.Map<String, Long> mine = l.running().get(u);
        assertEquals(Set.of(b), mine.keySet(), "a released job is not running");
        assertTrue(mine.get(b) >= before - 1000 && mine.get(b) <= System.currentTimeMillis() + 1000, "reserved now: " + mine.get(b));
        l.release(u, b);
        assertTrue(l.running().getOrDefault(u, java.util.Map.of()).isEmpty());
    }

    /** 50 contenders at limit − 1 (parallel, then daily): exactly one is granted. */
    @RepeatedTest(3)
    void fiftyConcurrentReservationsAtTheLastSlotGrantExactlyOne() throws Exception {
        AdmissionLedger l = ledger();
        for (boolean parallel : new boolean[]{true, false}) {
            String u = newUser();
            int limit = 5;
            for (int i = 0; i < limit - 1; i++) {
                String j = job();
                assertTrue(l.reserve(u, j, DAY, limit, limit).granted());
                if (!parallel) {
                    l.release(u, j); // the daily race: earlier jobs ended, the day's count stays
                }
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AdmissionLedger.Reservation>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
                for (int i = 0; i < 50; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return l.reserve(u, job(), DAY, limit, limit);
                    }));
                }
                go.countDown();
                int granted = 0;
                for (Future<AdmissionLedger.Reservation> f : results) {
                    AdmissionLedger.Reservation r = f.get();
                    if (r.granted()) {
                        granted++;
                    } else {
                        assertEquals(parallel ? DenyReason.PARALLEL_LIMIT : DenyReason.DAILY_LIMIT, r.reason());
                    }
                }
                assertEquals(1, granted, (parallel ? "parallel" : "daily") + " race");
            }
            Usage after = l.usage(u, DAY);
            assertEquals(limit, after.jobsToday());
            assertEquals(parallel ? limit : 1, after.runningJobs());
        }
    }
}
