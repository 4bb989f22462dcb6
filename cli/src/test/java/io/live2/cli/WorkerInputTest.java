package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * live worker's input and local errors (issue 11): each exits 2 with a message naming the option, and none of them
 * consumes the job: no status is written, or the stored status is left as it was.
 */
class WorkerInputTest {
    private static final String PREFIX = "dev/alice/w-1/";

    private static String spec(String simulation) {
        return """
                {"version": 1, "job_id": "w-1", "user_id": "alice", "environment": "dev",
                 "simulation": %s,
                 "limits": {"max_runtime_seconds": 3600, "capacity": "spot", "vcpus": 1, "memory_mib": 1024},
                 "checkpoint_every": 100}
                """.formatted(simulation);
    }

    private static final String SIM = "{\"preset\": \"hydrothermal\", \"particles\": 100, \"steps\": 200, \"seed\": 3}";

    @Test
    void aFileStoreUriWithAHostIsRefused(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.json"), spec(SIM));
        CliHarness.assertBadInput(CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", "file://relative/store"),
                "--artifacts", "file:///absolute/path");
        assertTrue(Files.notExists(Path.of("/store")));
    }

    @Test
    void anUnknownBackendDoesNotConsumeTheJob(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.json"), spec(SIM.replace("}", ", \"backend\": \"nosuch\"}")));
        Path store = tmp.resolve("store");
        CliHarness.assertBadInput(CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", tmp.resolve("work").toString()), "simulation.backend", "nosuch");
        assertTrue(Files.notExists(store.resolve(PREFIX + "status.json")), "no status: the job was not consumed");
    }

    @Test
    void aBadWorkDirDoesNotConsumeTheJob(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.json"), spec(SIM));
        Path store = tmp.resolve("store");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliHarness.assertBadInput(CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", file.resolve("work").toString()), "--work-dir");
        assertTrue(Files.notExists(store.resolve(PREFIX + "status.json")), "no status: the job was not consumed");
        // a folder with other files in it is not emptied (the runner empties its work directory)
        Path precious = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(precious.resolve("thesis.tex"), "do not delete");
        CliHarness.assertBadInput(CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", precious.toString()), "--work-dir", "not a run directory");
        assertTrue(Files.exists(precious.resolve("thesis.tex")));
        assertTrue(Files.notExists(store.resolve(PREFIX + "status.json")), "no status: the job was not consumed");
        // corrected, the same job runs
        CliHarness.Outcome ok = CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", tmp.resolve("work").toString());
        assertEquals(0, ok.exitCode(), ok.err());
    }

    @Test
    void aDifferentSimulationUnderTheSameJobIdIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path first = Files.writeString(tmp.resolve("first.json"), spec(SIM));
        CliHarness.Outcome ok = CliHarness.run("worker", "--spec", first.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", tmp.resolve("work").toString());
        assertEquals(0, ok.exitCode(), ok.err());
        String status = Files.readString(store.resolve(PREFIX + "status.json"));

        Path other = Files.writeString(tmp.resolve("other.json"), spec(SIM.replace("\"seed\": 3", "\"seed\": 4")));
        CliHarness.assertBadInput(CliHarness.run("worker", "--spec", other.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", tmp.resolve("work2").toString()), "job_id: 'w-1' already holds a different job", "simulation");
        assertEquals(status, Files.readString(store.resolve(PREFIX + "status.json")), "the stored job is untouched");

        // the same spec again is the same job: reported as it is, exit 0
        CliHarness.Outcome again = CliHarness.run("worker", "--spec", first.toString(), "--artifacts", store.toUri().toString(),
                "--work-dir", tmp.resolve("work3").toString());
        assertEquals(0, again.exitCode(), again.err());
    }
}
