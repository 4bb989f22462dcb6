package io.live2.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short form of drill 2 in the suite: one kill -9 of a loaded server and a restart; nothing accepted is lost. */
class ServerDrillTest {
    @Test
    void aKilledServerLosesNoAcceptedJob(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "server", "--kills", "1", "--interval", "2", "--clients", "2",
                "--job-steps", "2000", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verified: every accepted job exists and succeeded"), o.out());
        Matcher m = Pattern.compile("jobs accepted \\(201\\) (\\d+)").matcher(o.out());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 1, "no job was accepted, so nothing was verified: " + o.out());
        assertTrue(o.out().contains("kill 1: ready again"), o.out());
    }

    @Test
    void aHistoryWithTwoRunningAttemptsInARowIsCaught() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertTrue(ServerDrill.runsTwice(json.readTree("""
                {"history": [{"status": "queued"}, {"status": "running"}, {"status": "running"}, {"status": "succeeded"}]}""")));
        assertFalse(ServerDrill.runsTwice(json.readTree("""
                {"history": [{"status": "queued"}, {"status": "running"}, {"status": "interrupted"}, {"status": "queued"},
                             {"status": "running"}, {"status": "succeeded"}]}""")));
    }
}
