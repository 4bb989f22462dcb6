package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short form of drill 1 in the suite: two jobs, their workers killed (SIGKILL or SIGTERM) and restarted; the drill
 * verifies each job succeeded byte-identical to an uninterrupted run with no interruption recorded as a failure.
 */
class WorkerDrillTest {
    @Test
    void killedWorkersResumeToTheSameBytes(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "workers", "--jobs", "2", "--max-kills", "2", "--particles", "150",
                "--steps", "8000", "--checkpoint-every", "500", "--seed", "5", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verified: every job succeeded, byte-identical"), o.out());
        Matcher m = Pattern.compile("kills (\\d+) \\(").matcher(o.out());
        assertTrue(m.find(), o.out());
        assertTrue(Integer.parseInt(m.group(1)) >= 1, "the drill killed no worker, so it verified nothing: " + o.out());
        assertTrue(o.out().contains("lost 0"), o.out());
    }

    @Test
    void outOfRangeOptionsAreBadInput() {
        CliHarness.assertBadInput(CliHarness.run("drill", "workers", "--jobs", "0"), "--jobs", "1 to 200");
        CliHarness.assertBadInput(CliHarness.run("drill", "workers", "--steps", "100000", "--checkpoint-every", "200000"),
                "--checkpoint-every", "100 to 100000");
    }
}
