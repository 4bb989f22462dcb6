package io.live2.server.observe;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.live2.server.db.Database;
import io.live2.server.db.JobRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's own meters beside the per-route timers: jobs by state (queue depth is the queued count), finished
 * jobs' duration and atom-steps/s, and the database pool. Gauges read at scrape time; they are removed when the
 * server stops, so a later server in the same JVM registers its own.
 */
public final class ServerMetrics implements AutoCloseable {
    private static final List<String> STATES = List.of("queued", "running", "interrupted", "succeeded", "failed", "canceled");
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final DistributionSummary duration;
    private final DistributionSummary throughput;

    public ServerMetrics(MeterRegistry registry, JobRepository jobs, Database db) {
        this.registry = registry;
        for (String s : STATES) {
            gauge("live.jobs", "jobs by state", List.of(Tag.create("state", s)), () -> safe(() -> jobs.countByStatus(s)));
        }
        HikariPoolMXBean pool = db.pool().getHikariPoolMXBean();
        gauge("live.db.pool.active", "database connections in use", List.of(), () -> pool == null ? 0 : pool.getActiveConnections());
        gauge("live.db.pool.idle", "idle database connections", List.of(), () -> pool == null ? 0 : pool.getIdleConnections());
        gauge("live.db.pool.pending", "threads waiting for a database connection", List.of(), () -> pool == null ? 0 : pool.getThreadsAwaitingConnection());
        duration = registry.getOrCreate(DistributionSummary.builder("live.job.duration.seconds")
                .description("wall time of succeeded jobs").publishPercentileHistogram(true));
        throughput = registry.getOrCreate(DistributionSummary.builder("live.job.atom.steps.per.second")
                .description("atom-steps per second of succeeded jobs"));
        meters.add(duration);
        meters.add(throughput);
    }

    private void gauge(String name, String description, List<Tag> tags, Supplier<Number> value) {
        meters.add(registry.getOrCreate(Gauge.builder(name, () -> value.get().doubleValue()).description(description).tags(tags)));
    }

    private static long safe(Supplier<Long> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return -1; // the database is down: the gauge says so rather than failing the scrape
        }
    }

    /** Records a succeeded job. */
    public void jobSucceeded(double seconds, double atomSteps) {
        if (seconds > 0) {
            duration.record(seconds);
            throughput.record(atomSteps / seconds);
        }
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
