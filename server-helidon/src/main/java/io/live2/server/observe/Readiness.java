package io.live2.server.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import java.util.function.BooleanSupplier;

/** A readiness check (GET /health/ready): the database, Redis when configured, the orchestrator. */
public record Readiness(String name, BooleanSupplier up) implements HealthCheck {
    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ok;
        try {
            ok = up.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        return HealthCheckResponse.builder().status(ok).build();
    }
}
