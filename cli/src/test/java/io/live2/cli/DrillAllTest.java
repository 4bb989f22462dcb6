package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `live drill all` runs the drills `live drill` lists (each tested on its own by its *DrillTest); here: that it
 * finds them all and not itself, and refuses a name that is not a drill.
 */
class DrillAllTest {
    /** Every drill `live drill` declares, but `all` itself: skipped here, as each is run by its own test. */
    private static final List<String> DRILLS = new picocli.CommandLine(new DrillCommand()).getSubcommands().keySet().stream()
            .filter(n -> !n.equals("all")).toList();

    @Test
    void everyDrillOfTheParentCommandIsRunOrSkippedByName(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "all", "--dir", tmp.toString(), "--skip", String.join(",", DRILLS));
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(DRILLS.containsAll(List.of("workers", "server", "races", "replays", "hostile", "tenancy", "urls")), DRILLS.toString());
        for (String d : DRILLS) {
            assertTrue(o.out().contains("  " + String.format("%-10s", d) + " skipped"), d + ": " + o.out());
        }
        assertFalse(o.out().contains("  all "), "all does not run itself: " + o.out());
    }

    @Test
    void aSkippedNameThatIsNoDrillIsRefusedWithTheList() {
        CliHarness.Outcome o = CliHarness.run("drill", "all", "--skip", "tenancy,nosuch");
        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertTrue(o.err().contains("--skip: 'nosuch' is not a drill; allowed workers, server"), o.err());
    }
}
