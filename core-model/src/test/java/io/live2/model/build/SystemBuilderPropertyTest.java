package io.live2.model.build;

import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builder invariants for any preset, size, seed and temperature. */
class SystemBuilderPropertyTest {
    private static final String[] PRESETS = {"miller-urey", "hydrothermal", "formamide", "open-chemistry", "lj-fluid"};

    @Property(tries = 40)
    void invariantsHoldForRandomSizesSeedsAndTemperatures(@ForAll @IntRange(min = 0, max = 4) int preset,
                                                           @ForAll @IntRange(min = 60, max = 3000) int particles,
                                                           @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                           @ForAll @IntRange(min = 10, max = 2000) int temperature) {
        SimulationConfig c = ConfigLoader.resolve(null, Map.of("preset", PRESETS[preset], "particles", particles,
                "seed", seed, "temperature", (double) temperature));
        InitialSystem s = SystemBuilder.build(c);
        assertTrue(Math.abs(s.atomCount() - particles) < 6, "atoms " + s.atomCount() + " for " + particles);
        long placed = s.moleculeCounts().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(placed, java.util.Arrays.stream(SystemBuilderTest.molecules(s)).distinct().count(),
                "every placed molecule is one connected component");
        SystemBuilderTest.assertValenceRespected(s);
        SystemBuilderTest.assertNoOverlaps(s);
        SystemBuilderTest.assertZeroMomentumAndTargetTemperature(s, c.temperature());
        assertEquals(s.state(), SystemBuilder.build(c).state(), "same seed, same bytes");
    }
}
