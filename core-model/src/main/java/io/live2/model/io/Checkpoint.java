package io.live2.model.io;

import java.util.Map;

/**
 * Everything needed to continue a run bit-exactly: the resolved config, the full state, and the engine's
 * counters and accumulators. Random numbers are counter-based (keyed by step), so no RNG state is needed.
 *
 * @param configJson   canonical JSON of the resolved configuration
 * @param counters     integer counters (bonds formed, broken, ...), insertion-ordered
 * @param accumulators floating-point accumulators (energy injected, temperature sums, ...), insertion-ordered
 */
public record Checkpoint(String configJson, Snapshot snapshot, Map<String, Long> counters, Map<String, Double> accumulators) {
}
