package io.live2.server.observe;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request count and latency histogram per route template, method and status (Prometheus {@code /metrics}:
 * {@code live_http_requests_seconds_count/_bucket{route,method,status}}). Route templates, not raw paths, keep the
 * number of series bounded.
 */
public final class RouteMetrics {
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String method, String route, int status, long nanos) {
        String k = method + " " + route + " " + status;
        timers.computeIfAbsent(k, x -> registry.getOrCreate(Timer.builder("live.http.requests")
                .description("API requests by route, method and status")
                .tags(List.of(Tag.create("route", route), Tag.create("method", method), Tag.create("status", Integer.toString(status))))
                .buckets(BUCKETS))).record(nanos, TimeUnit.NANOSECONDS);
    }
}
