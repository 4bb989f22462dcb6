package io.live2.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the live command in-process and captures its exit code, stdout and stderr. */
final class CliHarness {
    record Outcome(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /**
     * Bad input: exit 2, no stack trace, no exception class name, and each of {@code mentions} (the option, field
     * or file) in the message.
     */
    static void assertBadInput(Outcome o, String... mentions) {
        org.junit.jupiter.api.Assertions.assertEquals(2, o.exitCode(), () -> "exit code; stderr was: " + o.err());
        org.junit.jupiter.api.Assertions.assertFalse(o.err().contains("\tat "), () -> "stack trace printed: " + o.err());
        org.junit.jupiter.api.Assertions.assertFalse(o.err().contains("Exception"), () -> "exception name leaked: " + o.err());
        for (String m : mentions) {
            org.junit.jupiter.api.Assertions.assertTrue(o.err().contains(m), () -> "stderr should mention '" + m + "': " + o.err());
        }
    }

    /**
     * A test that needs something of the machine (POSIX permissions, /dev/zero): under CI=true its absence fails the
     * test, since CI must run it; elsewhere the test is skipped with the reason.
     */
    static void requireOnThisMachine(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("CI=true but this machine lacks " + what + ", which the test needs");
        }
        org.junit.jupiter.api.Assumptions.abort("skipped: this machine lacks " + what);
    }

    static synchronized Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
