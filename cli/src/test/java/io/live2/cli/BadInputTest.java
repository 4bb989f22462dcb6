package io.live2.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input of every kind ends with exit code 2 and a one-line message that names the field, never a stack trace. */
class BadInputTest {
    @TempDir
    Path tmp;

    private static void assertNoStackTrace(CliHarness.Outcome o) {
        assertFalse(o.err().contains("\tat "), () -> "stack trace printed: " + o.err());
        assertFalse(o.err().contains("Exception"), () -> "exception name leaked: " + o.err());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        CliHarness.assertBadInput(CliHarness.run("run", "--preset", "nope", "--out", tmp.resolve("a").toString()), "nope", "miller-urey");
    }

    @Test
    void negativeParticleCount() {
        CliHarness.assertBadInput(CliHarness.run("run", "--preset", "miller-urey", "--particles", "-5", "--out", tmp.resolve("b").toString()),
                "particles", "-5");
    }

    @Test
    void absurdParticleCount() {
        CliHarness.assertBadInput(CliHarness.run("run", "--preset", "miller-urey", "--particles", "999999999", "--out", tmp.resolve("c").toString()),
                "particles", "999999999");
    }

    @Test
    void nonNumericFlag() {
        CliHarness.assertBadInput(CliHarness.run("run", "--preset", "miller-urey", "--steps", "many"), "--steps");
    }

    @Test
    void unknownBackend() {
        CliHarness.assertBadInput(CliHarness.run("run", "--preset", "lj-fluid", "--backend", "quantum", "--out", tmp.resolve("d").toString()), "backend");
    }

    @Test
    void noPresetAndNoConfig() {
        CliHarness.assertBadInput(CliHarness.run("run"), "--preset");
    }

    @Test
    void missingConfigFile() {
        CliHarness.assertBadInput(CliHarness.run("run", "--config", tmp.resolve("absent.json").toString()), "--config");
    }

    @Test
    void malformedJsonConfig() throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"preset\": \"miller-urey\", \"particles\": ");
        CliHarness.assertBadInput(CliHarness.run("run", "--config", f.toString(), "--out", tmp.resolve("e").toString()));
    }

    @Test
    void resumeOfSomethingThatIsNotARun() {
        CliHarness.assertBadInput(CliHarness.run("resume", tmp.toString()), "DIR");
    }

    @Test
    void benchOutOfRange() {
        CliHarness.assertBadInput(CliHarness.run("bench", "lj", "--particles", "0", "--steps", "10"), "--particles", "0");
        CliHarness.assertBadInput(CliHarness.run("bench", "lj", "--particles", "1000", "--steps", "10", "--density", "-1"), "--density");
        CliHarness.assertBadInput(CliHarness.run("bench", "water", "--particles", "1000", "--steps", "10"), "water");
    }

    /** Hostile config files: whatever the bytes, the command either runs or refuses with exit 2; never a crash. */
    @Property(tries = 150)
    void hostileConfigFilesNeverCrash(@ForAll("hostileJson") byte[] content) throws IOException {
        // jqwik properties get no @TempDir: each try makes its own folder under the system temp dir
        Path dir = Files.createTempDirectory("live-fuzz");
        Path f = dir.resolve("config.json");
        Files.write(f, content);
        CliHarness.Outcome o = CliHarness.run("run", "--config", f.toString(), "--steps", "1", "--particles", "20",
                "--out", dir.resolve("run").toString());
        try {
            assertTrue(o.exitCode() == 0 || o.exitCode() == 2, () -> "exit " + o.exitCode() + " for " + new String(content, StandardCharsets.UTF_8) + ": " + o.err());
            assertNoStackTrace(o);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> hostileJson() {
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<String> keys = Arbitraries.of("preset", "particles", "steps", "seed", "temperature", "timestep", "ensemble",
                "density", "cutoff", "skin", "threads", "backend", "composition", "reactions", "pulses", "output", "bogus");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "[]", "{}", "\"miller-urey\"", "\"lj-fluid\"", "-1", "0", "1e308", "-1e308",
                        "NaN", "\"\"", "99999999999999999999", "1.5", "[{\"molecule\": \"XYZ\", \"ratio\": 1}]",
                        "{\"interval\": -3}", "{\"kind\": \"laser\"}", "\"nvt\"", "\"nve\""),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> objects = Arbitraries.maps(keys, values).ofMaxSize(5).map(m -> {
            StringBuilder b = new StringBuilder("{\"preset\": \"miller-urey\"");
            m.forEach((k, v) -> b.append(", \"").append(k).append("\": ").append(v));
            return b.append('}').toString();
        });
        Arbitrary<String> deep = Arbitraries.integers().between(1, 5000).map(d -> "[".repeat(d) + "]".repeat(d));
        return Arbitraries.oneOf(garbage, Arbitraries.oneOf(objects, deep).map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }
}
