package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drill 4's second part in the suite: one account, each Stripe event and callback delivered 5 times. */
class ReplayDrillTest {
    @Test
    void redeliveredEventsApplyOnceAndReplayedCallbacksAreRefused(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "replays", "--rounds", "1", "--redeliveries", "5", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verified: every Stripe event applied once"), o.out());
        Matcher m = Pattern.compile("webhook deliveries: (\\d+) \\((\\d+) applied, (\\d+) duplicates, (\\d+) answered 409").matcher(o.out());
        assertTrue(m.find(), o.out());
        // three events (checkout completed, updated, created), each delivered 5 times: three applications, twelve duplicates
        assertEquals(3, Integer.parseInt(m.group(2)), o.out());
        assertEquals(12, Integer.parseInt(m.group(3)), o.out());
        assertEquals(Integer.parseInt(m.group(1)), 15 + Integer.parseInt(m.group(4)), "every delivery is counted once: " + o.out());
        assertTrue(o.out().contains("replayed within the window → 401=5") && o.out().contains("replayed outside the window → 401=5")
                && o.out().contains("re-pointed at another job → 401=1") && o.out().contains("genuine → 204=1"), o.out());
    }

    @Test
    void optionsOutOfRangeNameTheOptionAndTheRange() {
        CliHarness.Outcome o = CliHarness.run("drill", "replays", "--redeliveries", "1");
        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertTrue(o.err().contains("--redeliveries: 1 is out of range; allowed 2 to 200"), o.err());
    }
}
