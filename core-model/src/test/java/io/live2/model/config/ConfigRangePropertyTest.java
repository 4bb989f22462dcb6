package io.live2.model.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any out-of-range value of a numeric field is rejected with the field path, the value and the allowed range. */
class ConfigRangePropertyTest {

    record Case(String path, Number value) {
    }

    @Property(tries = 300)
    void outOfRangeValuesNameFieldValueAndRange(@ForAll("outOfRange") Case c) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(null, Map.of("preset", "miller-urey", c.path(), c.value())));
        Range r = Limits.of(c.path());
        String last = c.path().substring(c.path().lastIndexOf('.') + 1);
        assertTrue(e.getMessage().startsWith(c.path() + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("allowed " + r.describe(last)), e.getMessage());
    }

    @Property(tries = 200)
    void inRangeValuesAreAccepted(@ForAll("inRange") Case c) {
        SimulationConfig cfg = ConfigLoader.resolve(null, Map.of("preset", "miller-urey", c.path(), c.value()));
        // the accepted value reads back through canonical JSON unchanged
        assertEquals(cfg, ConfigLoader.fromJson(ConfigLoader.toJson(cfg)));
    }

    private static final String[] REAL = {"temperature", "timestep", "friction", "density", "cutoff", "skin",
        "pulses.radius", "pulses.energy", "pulses.probability"};
    private static final String[] INT = {"particles", "threads", "steps", "reactions.interval", "pulses.interval",
        "output.snapshot_every"};

    @Provide
    Arbitrary<Case> outOfRange() {
        Arbitrary<Case> reals = Arbitraries.of(REAL).flatMap(p -> {
            Range r = Limits.of(p);
            Arbitrary<Double> below = Arbitraries.doubles().between(-1e12, r.min()).filter(v -> !r.contains(v));
            Arbitrary<Double> above = Arbitraries.doubles().between(r.max(), 1e12).filter(v -> !r.contains(v));
            return Arbitraries.oneOf(below, above).map(v -> new Case(p, (Number) v));
        });
        Arbitrary<Case> ints = Arbitraries.of(INT).flatMap(p -> {
            Range r = Limits.of(p);
            Arbitrary<Long> below = Arbitraries.longs().between(-1_000_000_000_000L, (long) r.min() - 1);
            Arbitrary<Long> above = Arbitraries.longs().between((long) r.max() + 1, (long) r.max() + 1_000_000_000_000L);
            return Arbitraries.oneOf(below, above).map(v -> new Case(p, v));
        });
        return Arbitraries.oneOf(reals, ints);
    }

    @Provide
    Arbitrary<Case> inRange() {
        return Combinators.combine(Arbitraries.of("temperature", "timestep", "friction", "skin", "pulses.energy"),
                Arbitraries.doubles().between(0.001, 0.999).ofScale(6)).as((p, f) -> {
                    Range r = Limits.of(p);
                    return new Case(p, (Number) (r.min() + f * (r.max() - r.min())));
                });
    }
}
