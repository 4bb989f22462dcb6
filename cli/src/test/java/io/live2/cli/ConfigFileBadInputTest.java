package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --config reads at most the documented 1,000,000 characters, so an endless or huge file is bad input (exit 2) instead
 * of an OutOfMemoryError; a directory or an empty name is bad input naming the option and the file.
 */
class ConfigFileBadInputTest {
    @TempDir
    Path tmp;

    private CliHarness.Outcome runWithConfig(String config) {
        return CliHarness.run("run", "--config", config, "--steps", "1", "--out", tmp.resolve("run").toString());
    }

    @Test
    void endlessConfig() {
        CliHarness.requireOnThisMachine(Files.isReadable(Path.of("/dev/zero")), "a readable /dev/zero");
        CliHarness.assertBadInput(runWithConfig("/dev/zero"), "--config", "/dev/zero", "1000000");
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    @Test
    void threeGigabyteConfig() throws IOException {
        Path big = tmp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: no disk space used
        }
        CliHarness.assertBadInput(runWithConfig(big.toString()), "--config", big.toString(), "1000000");
    }

    @Test
    void configJustOverTheLimitNamesTheFile() throws IOException {
        Path f = tmp.resolve("long.json");
        Files.writeString(f, "{\"preset\": \"lj-fluid\"}" + " ".repeat(1_000_000));
        CliHarness.assertBadInput(runWithConfig(f.toString()), "--config", f.toString(), "1000000");
    }

    @Test
    void configAtTheLimitIsRead() throws IOException {
        Path f = tmp.resolve("padded.json");
        String json = "{\"preset\": \"lj-fluid\", \"particles\": 100}";
        Files.writeString(f, json + " ".repeat(1_000_000 - json.length()));
        CliHarness.Outcome o = runWithConfig(f.toString());
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void configIsADirectory() {
        CliHarness.assertBadInput(runWithConfig(tmp.toString()), "--config", tmp.toString(), "directory");
    }

    @Test
    void emptyConfigName() {
        CliHarness.assertBadInput(runWithConfig(""), "--config", "empty");
    }
}
