package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * live run checks where it will write and what it will run on before it creates anything: a bad --out or backend
 * ends with exit 2 and a message naming it, and leaves no run directory behind.
 */
class RunOutputBadInputTest {
    @TempDir
    Path tmp;

    private static CliHarness.Outcome smallRun(String... more) {
        String[] args = {"run", "--preset", "lj-fluid", "--particles", "100", "--steps", "5"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliHarness.run(all);
    }

    @Test
    void emptyOut() {
        // an empty path is the current directory to the file system: the run used to be written there, then fail
        CliHarness.assertBadInput(smallRun("--out", ""), "--out", "empty");
        assertFalse(Files.exists(Path.of("checkpoints")), "nothing written to the working directory");
        assertFalse(Files.exists(Path.of("metadata.json")), "nothing written to the working directory");
    }

    @Test
    void outIsARegularFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliHarness.assertBadInput(smallRun("--out", file.toString()), "--out", file.toString(), "not a directory");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void outIsInsideARegularFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliHarness.assertBadInput(smallRun("--out", file.resolve("run").toString()), "--out", file.toString(), "not a directory");
    }

    @Test
    void unknownBackendLeavesNoRunDirectory() {
        Path dir = tmp.resolve("never");
        CliHarness.assertBadInput(smallRun("--backend", "nosuch", "--out", dir.toString()), "backend", "nosuch");
        assertFalse(Files.exists(dir), "no empty run skeleton is left behind");
    }
}
