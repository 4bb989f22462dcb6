package io.live2.server.jobs;

import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.Retry;
import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobStatus;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.UnknownJobException;
import io.live2.model.config.SimulationConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A remote orchestrator (AWS Batch) behind Helidon fault tolerance: up to three attempts with exponential backoff
 * and jitter, inside a circuit breaker that opens after half of the last ten calls failed and probes again after
 * ten seconds, so an AWS outage fails requests fast instead of tying up threads. Answers that are not faults
 * (a rejected spec, an unknown job) pass straight through and never trip the breaker.
 */
public final class ResilientOrchestrator implements Orchestrator {
    private final Orchestrator delegate;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ResilientOrchestrator(Orchestrator delegate) {
        this.delegate = delegate;
        this.retry = Retry.builder().name("orchestrator-retry").calls(3).delay(Duration.ofMillis(200)).delayFactor(2.0)
                .jitter(Duration.ofMillis(100)).overallTimeout(Duration.ofSeconds(20))
                .addSkipOn(JobRejectedException.class).addSkipOn(UnknownJobException.class).build();
        this.breaker = CircuitBreaker.builder().name("orchestrator-breaker").volume(10).errorRatio(50)
                .delay(Duration.ofSeconds(10)).successThreshold(1)
                .addSkipOn(JobRejectedException.class).addSkipOn(UnknownJobException.class).build();
    }

    private <T> T call(Supplier<T> s) {
        return breaker.invoke(() -> retry.invoke(s));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public JobStatus submit(JobSpec spec) {
        return call(() -> delegate.submit(spec));
    }

    @Override
    public JobStatus status(String jobId) {
        return call(() -> delegate.status(jobId));
    }

    @Override
    public List<JobStatus> list(String userId) {
        return call(() -> delegate.list(userId));
    }

    @Override
    public JobStatus cancel(String jobId) {
        return call(() -> delegate.cancel(jobId));
    }

    @Override
    public List<JobStatus> submitSweep(JobSpec base, List<SimulationConfig> variants, int maxConcurrent) {
        return call(() -> delegate.submitSweep(base, variants, maxConcurrent));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
