package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drill 5's fuzzing in the suite, short: every body-taking route and both parsers get mutants, nothing fails. */
class FuzzDrillTest {
    @Test
    void everyRouteAndParserAnswersMutantsCleanly(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "fuzz", "--seconds", "4", "--seed", "7", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        for (String target : new String[] {"POST /auth/register:", "POST /jobs:", "POST /keys:", "POST /billing/webhooks/stripe:",
            "POST /internal/callbacks:", "job spec parser", "run config parser"}) {
            assertTrue(o.out().contains("  " + target), target + " missing from: " + o.out());
        }
        assertTrue(o.out().contains("; 5xx 0, no answer 0, 4xx without the error shape 0, parser failures 0,"), o.out());
        assertTrue(o.out().contains("afterwards: {GET /health/ready=200, GET /api/v1/jobs=200, POST /api/v1/jobs/estimate=200}"), o.out());
        assertTrue(o.out().contains("verified: every mutant answered 2xx or 4xx"), o.out());
    }

    @Test
    void minutesAndSecondsAreRangeChecked() {
        CliHarness.assertBadInput(CliHarness.run("drill", "fuzz", "--minutes", "0"), "--minutes", "1 to 600");
        CliHarness.assertBadInput(CliHarness.run("drill", "fuzz", "--seconds", "0"), "--seconds", "1 to 36000");
    }
}
