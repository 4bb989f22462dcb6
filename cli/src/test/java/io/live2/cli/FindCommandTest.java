package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live find on a real (short) miller-urey run: the feed is found at step 0, an absent molecule is said absent. */
class FindCommandTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheFeedAndSaysWhatWasNotMade() {
        Path dir = tmp.resolve("run");
        CliHarness.Outcome run = CliHarness.run("run", "--preset", "miller-urey", "--particles", "200", "--steps", "20",
                "--snapshot-every", "10", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());

        // methane written as a user would (implicit hydrogens) and glycine, which 20 steps cannot make
        CliHarness.Outcome o = CliHarness.run("find", dir.toString(), "C", "NCC(=O)O");
        assertEquals(0, o.exitCode(), o.err());
        String[] lines = o.out().strip().split("\n");
        assertEquals(4, lines.length, o.out());
        assertTrue(lines[2].startsWith("| `C` | CH4 | yes | `C` | 0.00 ps (step 0) |"), lines[2]);
        assertTrue(lines[2].endsWith("| – | feed |"), "methane is feed, per products.json: " + lines[2]);
        assertTrue(lines[3].startsWith("| `NCC(=O)O` | C2H5NO2 | no |"), lines[3]);

        CliHarness.assertBadInput(CliHarness.run("find", dir.toString(), "C("), "SMILES", "C(");
    }

    @Test
    void aDirectoryWithoutAnalysisIsBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliHarness.assertBadInput(CliHarness.run("find", tmp.resolve("empty").toString(), "C"), "molecules.json", "live analyze");
    }
}
