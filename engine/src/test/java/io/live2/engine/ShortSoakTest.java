package io.live2.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short soak of the test suite (the full one is `live soak`, figures in docs/validation.md): every reactive
 * preset over two seeds for 20,000 steps, then a stress case (miller-urey with a 5,000 kJ/mol discharge every 100
 * steps) that reproduces issue 11's crash within a few thousand steps when sub-steps are off. Each run must finish
 * with its elements, valence, finite state and energy ledger intact.
 */
class ShortSoakTest {
    private static final double LEDGER_TOLERANCE = 0.02;
    private static final Map<String, Object> STRESS = Map.of("pulses.interval", 100, "pulses.energy", 5000.0);

    private static Soak.Settings settings(int particles, Map<String, Object> overrides) {
        return new Soak.Settings(20_000, particles, "cpu", LEDGER_TOLERANCE, 5_000, overrides);
    }

    private static void assertAllPassed(List<Soak.Outcome> outcomes) {
        for (Soak.Outcome o : outcomes) {
            assertEquals("succeeded", o.status(), o.c().name() + ": " + o.problems());
            assertEquals(20_000, o.steps());
            assertTrue(o.ledgerError() <= LEDGER_TOLERANCE, o.c().name() + " ledger " + o.ledgerError());
        }
    }

    @Test
    void everyReactivePresetOverTwoSeedsKeepsItsInvariants(@TempDir Path tmp) throws Exception {
        List<Soak.Case> cases = Soak.cases(List.of("miller-urey", "hydrothermal", "formamide", "open-chemistry"), 21, 2);
        List<Soak.Outcome> outcomes = Soak.run(cases, settings(300, Map.of()), tmp, 2, o -> { });
        assertEquals(8, outcomes.size());
        assertAllPassed(outcomes);
        assertTrue(outcomes.stream().anyMatch(o -> o.energyInjected() > 0 && o.bathHeat() < 0),
                "pulses must have fired and the bath taken their heat, or the ledger check tests nothing");
    }

    @Test
    void theStressCaseFinishesWithSubSteps(@TempDir Path tmp) throws Exception {
        List<Soak.Outcome> outcomes = Soak.run(Soak.cases(List.of("miller-urey"), 1, 2), settings(400, STRESS), tmp, 2, o -> { });
        assertAllPassed(outcomes);
        assertTrue(outcomes.stream().allMatch(o -> o.substepsExtra() > 0), "hot atoms must have been sub-stepped");
    }

    /** What the soak finds without sub-steps (the behaviour before the fix): the run blows up and is caught. */
    @Test
    void theStressCaseBlowsUpWithoutSubStepsAndTheSoakSaysSo(@TempDir Path tmp) throws Exception {
        Map<String, Object> off = new java.util.HashMap<>(STRESS);
        off.put("max_displacement", 1.0);
        List<Soak.Outcome> outcomes = Soak.run(Soak.cases(List.of("miller-urey"), 1, 2), settings(400, off), tmp, 2, o -> { });
        for (Soak.Outcome o : outcomes) {
            assertEquals("failed", o.status(), o.c().name());
            assertTrue(o.steps() < 20_000);
            assertTrue(o.problems().get(0).contains("failure.json"), o.problems().toString());
        }
    }
}
