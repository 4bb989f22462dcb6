package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `live resume DIR --timestep PS`: accepted, recorded in metadata.json; out of range is bad input (exit 2). */
class ResumeTimestepTest {
    @Test
    void resumeWithAnotherTimestep(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliHarness.Outcome run = CliHarness.run("run", "--preset", "hydrothermal", "--particles", "100", "--steps", "100",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CliHarness.Outcome bad = CliHarness.run("resume", out.toString(), "--steps", "200", "--timestep", "0.5");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("timestep: 0.5 is out of range"), bad.err());
        CliHarness.Outcome ok = CliHarness.run("resume", out.toString(), "--steps", "200", "--timestep", "0.00025");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(Files.readString(out.resolve("metadata.json")).contains("\"config_changes\""));
    }
}
