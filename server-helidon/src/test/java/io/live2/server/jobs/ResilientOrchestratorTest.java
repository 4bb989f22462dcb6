package io.live2.server.jobs;

import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobStatus;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.UnknownJobException;
import io.live2.model.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries ride over transient faults, answers that are not faults pass straight through, an outage opens the breaker. */
class ResilientOrchestratorTest {
    /** Fails {@code failures} times with a transport-like error, then answers "unknown job". */
    static final class Flaky implements Orchestrator {
        final AtomicInteger calls = new AtomicInteger();
        volatile int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public JobStatus status(String jobId) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("connection reset");
            }
            throw new UnknownJobException(jobId);
        }

        @Override
        public JobStatus submit(JobSpec spec) {
            calls.incrementAndGet();
            throw new JobRejectedException("job_id: already exists");
        }

        @Override
        public List<JobStatus> list(String userId) {
            return List.of();
        }

        @Override
        public JobStatus cancel(String jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JobStatus> submitSweep(JobSpec base, List<SimulationConfig> variants, int maxConcurrent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void transientFaultsAreRetried() {
        Flaky f = new Flaky(2);
        assertThrows(UnknownJobException.class, () -> new ResilientOrchestrator(f).status("j1"));
        assertEquals(3, f.calls.get(), "two failures, then the real answer on the third attempt");
    }

    @Test
    void rejectionsAreNotRetried() {
        Flaky f = new Flaky(0);
        assertThrows(JobRejectedException.class, () -> new ResilientOrchestrator(f).submit(null));
        assertEquals(1, f.calls.get());
    }

    @Test
    void anOutageOpensTheBreakerAndCallsFailFast() {
        Flaky f = new Flaky(Integer.MAX_VALUE);
        ResilientOrchestrator o = new ResilientOrchestrator(f);
        for (int i = 0; i < 10; i++) {
            assertThrows(RuntimeException.class, () -> o.status("j"));
        }
        int before = f.calls.get();
        RuntimeException e = assertThrows(RuntimeException.class, () -> o.status("j"));
        assertEquals(before, f.calls.get(), "an open breaker does not call the orchestrator: " + e);
        assertTrue(e.getClass().getSimpleName().contains("CircuitBreakerOpen"), e.getClass().getName());
    }
}
