package io.live2.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRecordTest {
    @Test
    void appliesValidTransitionsAndCountsAttempts() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobRecord r = JobRecord.create("j", "u", clock);
        assertEquals(JobState.QUEUED, r.state());
        clock.advance(Duration.ofSeconds(1));
        r.transition(JobState.RUNNING, "started");
        assertEquals(1, r.status().attempt());
        r.progress(new JobProgress(10, 100, 10, 5, 3));
        r.transition(JobState.INTERRUPTED, "SIGTERM");
        assertEquals("SIGTERM", r.status().failureCause());
        assertNull(r.status().endedAt());
        r.transition(JobState.RUNNING, "resumed");
        assertEquals(2, r.status().attempt());
        JobStatus done = r.transition(JobState.SUCCEEDED, "finished");
        assertNotNull(done.endedAt());
        assertEquals(0, r.failedAttempts());
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED, JobState.RUNNING, JobState.SUCCEEDED),
                done.history().stream().map(JobStatus.Transition::to).toList());
        assertEquals(Instant.parse("2026-01-01T00:00:01Z"), done.startedAt());
        assertEquals(new JobProgress(10, 100, 10, 5, 3), done.progress());
        assertEquals(done, JobStatusJson.parse(JobStatusJson.toJson(done)));
    }

    @Test
    void illegalTransitionsNameBothStates() {
        JobRecord r = JobRecord.create("j", "u", java.time.Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.transition(JobState.SUCCEEDED, "x"));
        assertTrue(e.getMessage().contains("queued -> succeeded"), e.getMessage());
        r.transition(JobState.CANCELED, "user");
        e = assertThrows(IllegalStateException.class, () -> r.transition(JobState.RUNNING, "x"));
        assertTrue(e.getMessage().contains("canceled -> running"), e.getMessage());
    }
}
