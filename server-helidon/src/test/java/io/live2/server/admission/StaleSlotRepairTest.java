package io.live2.server.admission;

import io.live2.server.LiveServerAccess;
import io.live2.server.db.Database;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repair of slots a dead server left taken: a job that ended without its release is released, a reservation
 * with no job behind it for ten minutes is given back, and everything else (a running job, a reservation just made
 * by another replica) is left alone.
 */
class StaleSlotRepairTest {
    @TempDir
    Path tmp;

    private static JobRow job(String id, String user, String status) {
        long now = System.currentTimeMillis();
        return new JobRow(id, user, status, 1, "spot", "{}", "0".repeat(64), 1, 0.001, 100, 0, 0, 0, null, true, now, null, null, now);
    }

    @Test
    void onlyCertainlyStaleSlotsAreFreed() {
        try (Database db = DatabaseLedgerSupport.open(tmp, null, null)) {
            Instant now = Instant.now();
            String u = DatabaseLedgerSupport.newUser(db);
            JobRepository jobs = new JobRepository(db);
            AdmissionLedger old = new DatabaseAdmissionLedger(db, Clock.fixed(now.minus(Duration.ofMinutes(11)), ZoneOffset.UTC));
            AdmissionLedger ledger = new DatabaseAdmissionLedger(db, Clock.fixed(now, ZoneOffset.UTC));
            var day = java.time.LocalDate.ofInstant(now, ZoneOffset.UTC);
            old.reserve(u, "j_abandoned", day, 10, 10);          // reserved 11 min ago, never inserted
            ledger.reserve(u, "j_inflight", day, 10, 10);        // another replica is inserting it right now
            ledger.reserve(u, "j_ended", day, 10, 10);
            jobs.create(job("j_ended", u, "succeeded"), null);   // ended while no server released it
            ledger.reserve(u, "j_running", day, 10, 10);
            jobs.create(job("j_running", u, "running"), null);

            int repaired = LiveServerAccess.repairSlots(jobs, ledger, Clock.fixed(now, ZoneOffset.UTC));

            assertEquals(2, repaired);
            assertEquals(Set.of("j_inflight", "j_running"), ledger.running().get(u).keySet());
            assertEquals(3, ledger.usage(u, day).jobsToday(), "the abandoned reservation counts for nothing; the ended job still counts today");
            assertEquals(0, LiveServerAccess.repairSlots(jobs, ledger, Clock.fixed(now, ZoneOffset.UTC)), "a second pass finds nothing");
        }
    }
}
