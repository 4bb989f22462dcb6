package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SIGTERM (what a spot reclaim sends) to a running `live run` in its own JVM: it writes a checkpoint and
 * exits 143; `live resume` then reaches the bytes of an uninterrupted run. The signal is sent once the run has
 * reported progress, which it does on stderr; no sleeping or timing is involved.
 */
class SignalCheckpointTest {
    private static final String STEPS = "20000";

    private static List<String> command(Path out, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("--out", out.toString()));
        return cmd;
    }

    private static String[] runArgs() {
        return new String[] {"run", "--preset", "miller-urey", "--particles", "300", "--steps", STEPS, "--seed", "21",
                "--snapshot-every", "10000", "--checkpoint-every", "100000"};
    }

    @Test
    void sigtermCheckpointsAndResumeMatchesTheUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, CliHarness.run(concat(runArgs(), "--out", whole.toString())).exitCode());

        Path cut = tmp.resolve("cut");
        ProcessBuilder pb = new ProcessBuilder(command(cut, runArgs())).redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("step ")) {
                // wait for the first progress line: the run is stepping
            }
            assertTrue(line != null, "the run printed no progress line");
            // kill(1) rather than Process.destroy(): destroy also closes our end of the child's output
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
            while (r.readLine() != null) {
                // drain until exit
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not exit after SIGTERM");
        assertEquals(143, p.exitValue(), "exit status of a JVM ended by SIGTERM after its shutdown hook");
        List<Path> checkpoints;
        try (Stream<Path> s = Files.list(cut.resolve("checkpoints"))) {
            checkpoints = s.toList();
        }
        // the starting state's checkpoint (step 0) and the one written on SIGTERM
        assertEquals(2, checkpoints.size(), "step 0 and the SIGTERM checkpoint: " + checkpoints);
        long stoppedAt = checkpoints.stream().mapToLong(c -> Long.parseLong(c.getFileName().toString().replaceAll("\\D", "")))
                .max().orElseThrow();
        assertTrue(stoppedAt > 0 && stoppedAt < Long.parseLong(STEPS), "stopped mid-run at " + stoppedAt);
        assertTrue(Files.readString(cut.resolve("metadata.json")).contains("\"interrupted\""));

        CliHarness.Outcome resumed = CliHarness.run("resume", cut.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        String last = String.format("snapshots/snapshot_%09d.json", Long.parseLong(STEPS));
        assertArrayEquals(Files.readAllBytes(whole.resolve(last)), Files.readAllBytes(cut.resolve(last)));
        assertArrayEquals(Files.readAllBytes(whole.resolve("trajectory.xyz")), Files.readAllBytes(cut.resolve("trajectory.xyz")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
