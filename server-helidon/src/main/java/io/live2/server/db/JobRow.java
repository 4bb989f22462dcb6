package io.live2.server.db;

/**
 * One job as the server stores it: who owns it, the spec it runs, its state and progress as last learned from the
 * orchestrator, and the estimate it was admitted with. {@code submitted} is false until the orchestrator accepted
 * it, so a server that dies between the database commit and the orchestrator call submits it at the next start.
 */
public record JobRow(String id, String userId, String status, int attempt, String capacity, String spec, String requestHash,
                     double estimateSeconds, double estimateCostUsd, long totalSteps, long step, double stepsPerSecond,
                     int species, String failureCause, boolean submitted, long createdAt, Long startedAt, Long endedAt,
                     long updatedAt) {
}
