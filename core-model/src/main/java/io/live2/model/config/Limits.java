package io.live2.model.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowed range of every numeric config field, keyed by JSON path ("types[].mass" for array elements).
 * One table, so the validator, docs/config.md and config.schema.json (checked by a test) cannot drift apart.
 * Why each bound is where it is: see docs/config.md.
 */
public final class Limits {
    /** The backends that ship with Live; others may be added on the class path (found by ServiceLoader). */
    public static final List<String> BACKENDS = List.of("auto", "cpu", "reference", "simd", "opencl", "aparapi");
    /**
     * What the config accepts as a backend name: any ServiceLoader backend name. Whether it exists and can run here
     * is decided on selection, which fails with exit 2 and says what to install.
     */
    public static final java.util.regex.Pattern BACKEND_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,31}");
    public static final String BACKEND_DESCRIPTION = String.join("|", BACKENDS)
            + " or another installed backend's name (lower-case letters, digits, '-', at most 32)";
    public static final List<String> ENSEMBLES = List.of("nvt", "nve");
    public static final List<String> PULSE_KINDS = List.of("none", "discharge", "heat", "uv");
    /** Custom type names: short identifiers, so they are readable in output and cannot clash with paths. */
    public static final String TYPE_NAME_PATTERN = "[A-Za-z][A-Za-z0-9_]{0,15}";
    /** Bound on list sizes, so a hostile file cannot make the builder allocate absurd tables. */
    public static final int MAX_TYPES = 64;
    public static final int MAX_COMPONENTS = 64;
    /** The longest config document read, in characters; a config is a few kilobytes (docs/config.md). */
    public static final int MAX_DOCUMENT_CHARS = 1_000_000;

    private static final Map<String, Range> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("particles", Range.ints(1, 2_000_000));
        RANGES.put("steps", Range.ints(0, 10_000_000_000L));
        RANGES.put("seed", Range.ints(0, Long.MAX_VALUE));
        RANGES.put("temperature", Range.aboveTo(0, 100_000));
        RANGES.put("timestep", Range.aboveTo(0, 0.01));
        RANGES.put("friction", Range.closed(0, 1000));
        RANGES.put("density", Range.aboveTo(0, 100));
        RANGES.put("cutoff", Range.closed(1, 10));
        RANGES.put("skin", Range.closed(0, 5));
        RANGES.put("threads", Range.ints(1, 256));
        RANGES.put("max_displacement", Range.closed(0.001, 1));
        RANGES.put("types[].mass", Range.closed(0.001, 100_000));
        RANGES.put("types[].sigma", Range.closed(0.01, 5));
        RANGES.put("types[].epsilon", Range.closed(0, 1000));
        RANGES.put("types[].valence", Range.ints(0, 4));
        RANGES.put("composition[].ratio", Range.aboveTo(0, 1e9));
        RANGES.put("reactions.interval", Range.ints(1, 1_000_000));
        RANGES.put("reactions.form_depth", Range.open(0, 1));
        RANGES.put("reactions.break_depth", Range.open(0, 1));
        RANGES.put("pulses.interval", Range.ints(1, 10_000_000));
        RANGES.put("pulses.radius", Range.aboveTo(0, 100));
        RANGES.put("pulses.energy", Range.closed(0, 1_000_000));
        RANGES.put("pulses.probability", Range.closed(0, 1));
        RANGES.put("open_chemistry.kinds", Range.ints(1, 1000));
        RANGES.put("open_chemistry.mutation_rate", Range.closed(0, 1));
        RANGES.put("open_chemistry.mass_min", Range.closed(1, 1000));
        RANGES.put("open_chemistry.mass_max", Range.closed(1, 1000));
        RANGES.put("open_chemistry.valence_min", Range.ints(1, 4));
        RANGES.put("open_chemistry.valence_max", Range.ints(1, 4));
        RANGES.put("open_chemistry.sigma_min", Range.closed(0.1, 1));
        RANGES.put("open_chemistry.sigma_max", Range.closed(0.1, 1));
        RANGES.put("open_chemistry.epsilon_min", Range.closed(0.01, 10));
        RANGES.put("open_chemistry.epsilon_max", Range.closed(0.01, 10));
        RANGES.put("open_chemistry.affinity_min", Range.closed(0, 1));
        RANGES.put("open_chemistry.affinity_max", Range.closed(0, 1));
        RANGES.put("open_chemistry.mutation_scale", Range.closed(0, 1));
        RANGES.put("output.snapshot_every", Range.ints(0, 10_000_000_000L));
        RANGES.put("output.checkpoint_every", Range.ints(0, 10_000_000_000L));
        RANGES.put("output.trajectory_every", Range.ints(0, 10_000_000_000L));
        RANGES.put("output.thermo_every", Range.ints(0, 1_000_000_000L));
        RANGES.put("driver.period_ps", Range.closed(0.01, 1_000_000));
        RANGES.put("driver.min_fraction", Range.closed(0.1, 1));
        RANGES.put("driver.temperature_k", Range.aboveTo(0, 100_000));
    }

    private Limits() {
    }

    /** The range of a numeric field; {@code path} uses "[]" for array elements, e.g. "types[].mass". */
    public static Range of(String path) {
        Range r = RANGES.get(path);
        if (r == null) {
            throw new IllegalArgumentException("no range for " + path);
        }
        return r;
    }

    /** All numeric fields and their ranges, in document order. */
    public static Map<String, Range> all() {
        return java.util.Collections.unmodifiableMap(RANGES);
    }
}
