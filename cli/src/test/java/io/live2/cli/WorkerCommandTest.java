package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * live worker: a spot interruption (a real SIGTERM to a worker in its own JVM) checkpoints to the store and exits 3;
 * the same command again resumes from the stored checkpoint and ends byte-identical to an uninterrupted worker.
 */
class WorkerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STEPS = 20000; // seconds of work: the SIGTERM always lands mid-run
    private static final String SPEC = """
            {"version": 1, "job_id": "spot-1", "user_id": "alice", "environment": "dev",
             "simulation": {"preset": "miller-urey", "particles": 300, "steps": %d, "seed": 21,
                            "output": {"snapshot_every": 3000, "trajectory_every": 1000}},
             "limits": {"max_runtime_seconds": 3600, "capacity": "spot", "vcpus": 1, "memory_mib": 1024},
             "checkpoint_every": 1000}
            """.formatted(STEPS);

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Map<String, JsonNode> deterministic(Path results) throws Exception {
        Map<String, JsonNode> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(results.toFile()).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (!k.contains("wall") && !k.contains("per_second") && !k.contains("this_invocation")) {
                m.put(k, e.getValue());
            }
        }
        return m;
    }

    private static List<String> listing(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void spotInterruptionResumesFromTheStoredCheckpoint(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        Path cutStore = tmp.resolve("cut-store");
        Path wholeStore = tmp.resolve("whole-store");
        String prefix = "dev/alice/spot-1/";

        Process p = new ProcessBuilder(javaCommand("worker", "--spec", spec.toString(), "--artifacts", cutStore.toUri().toString(),
                "--work-dir", tmp.resolve("work-1").toString())).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("progress: ")) {
                out.append(line).append('\n');
            }
            assertTrue(line != null, "the worker printed no progress line:\n" + out);
            // kill(1) rather than Process.destroy(): destroy also closes our end of the child's output
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the worker did not exit after SIGTERM");
        assertEquals(WorkerCommand.INTERRUPTED, p.exitValue(), out.toString());
        assertEquals(3, WorkerCommand.INTERRUPTED);
        JsonNode interrupted = JSON.readTree(cutStore.resolve(prefix + "status.json").toFile());
        assertEquals("interrupted", interrupted.get("state").asText());
        assertEquals("SIGTERM", interrupted.get("failure_cause").asText());
        long stoppedAt = interrupted.get("progress").get("step").asLong();
        List<Path> checkpoints;
        try (var s = Files.list(cutStore.resolve(prefix + "checkpoints"))) {
            checkpoints = s.sorted().toList();
        }
        assertTrue(!checkpoints.isEmpty() && checkpoints.size() <= 2, checkpoints.toString());
        long cpStep = Long.parseLong(checkpoints.get(checkpoints.size() - 1).getFileName().toString().replaceAll("\\D", ""));
        assertTrue(cpStep > 0 && cpStep < STEPS, "stopped mid-run: checkpoint at " + cpStep + ", progress " + stoppedAt);

        // the same command again (a new container on another host): resumes from the store, a dead callback is harmless
        CliHarness.Outcome resumed = CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", cutStore.toUri().toString(),
                "--work-dir", tmp.resolve("work-2").toString(), "--callback", "http://127.0.0.1:1/callback");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("job spot-1 succeeded (attempt 2"), resumed.out());
        assertTrue(Files.readString(tmp.resolve("work-2/logs/simulation.log")).contains("downloaded checkpoint_"));

        // an uninterrupted worker with its own store, reporting to a callback receiver
        List<String> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/cb", ex -> {
            events.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            CliHarness.Outcome whole = CliHarness.run("worker", "--spec", spec.toString(), "--artifacts", wholeStore.toUri().toString(),
                    "--work-dir", tmp.resolve("work-3").toString(), "--callback",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb");
            assertEquals(0, whole.exitCode(), whole.err());
        } finally {
            receiver.stop(0);
        }
        assertTrue(events.stream().anyMatch(e -> e.contains("\"event\":\"progress\"")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.contains("\"event\":\"status\"") && e.contains("\"state\":\"succeeded\"")), events.toString());

        String last = String.format("snapshots/snapshot_%09d.json", STEPS);
        assertArrayEquals(Files.readAllBytes(wholeStore.resolve(prefix + last)), Files.readAllBytes(cutStore.resolve(prefix + last)));
        assertArrayEquals(Files.readAllBytes(wholeStore.resolve(prefix + "trajectory.xyz")),
                Files.readAllBytes(cutStore.resolve(prefix + "trajectory.xyz")));
        assertEquals(deterministic(wholeStore.resolve(prefix + "results/results.json")),
                deterministic(cutStore.resolve(prefix + "results/results.json")));
        // the store's snapshots/ follows the run: the frame log (grown, and cut back on resume) and the same files
        assertEquals(listing(wholeStore.resolve(prefix + "snapshots")), listing(cutStore.resolve(prefix + "snapshots")));
        for (String name : listing(wholeStore.resolve(prefix + "snapshots"))) {
            assertArrayEquals(Files.readAllBytes(wholeStore.resolve(prefix + "snapshots/" + name)),
                    Files.readAllBytes(cutStore.resolve(prefix + "snapshots/" + name)), name);
        }

        JsonNode status = JSON.readTree(cutStore.resolve(prefix + "status.json").toFile());
        assertEquals("succeeded", status.get("state").asText());
        assertEquals(2, status.get("attempt").asInt());
        List<String> states = new ArrayList<>();
        status.get("history").forEach(h -> states.add(h.get("to").asText()));
        assertEquals(List.of("queued", "running", "interrupted", "running", "succeeded"), states);
        assertEquals(1, JSON.readTree(wholeStore.resolve(prefix + "status.json").toFile()).get("attempt").asInt());
    }

    @Test
    void badInputExitsTwoWithAClearMessage(@TempDir Path tmp) throws Exception {
        CliHarness.Outcome help = CliHarness.run("worker", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("3 interrupted"), help.out());
        CliHarness.Outcome noSpec = CliHarness.run("worker", "--artifacts", tmp.toUri().toString());
        assertEquals(2, noSpec.exitCode());
        CliHarness.Outcome missing = CliHarness.run("worker", "--spec", tmp.resolve("none.json").toString(), "--artifacts", tmp.toUri().toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--spec: ") && missing.err().contains("not a readable file"), missing.err());

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, SPEC.replace("\"capacity\": \"spot\"", "\"capacity\": \"cheap\""));
        CliHarness.Outcome rejected = CliHarness.run("worker", "--spec", bad.toString(), "--artifacts", tmp.toUri().toString());
        assertEquals(2, rejected.exitCode());
        assertTrue(rejected.err().contains("limits.capacity: 'cheap' is not allowed; allowed spot, spot_fallback, on_demand"), rejected.err());

        Path good = tmp.resolve("good.json");
        Files.writeString(good, SPEC);
        // an unknown store scheme (s3 is shipped; tests never point it at AWS)
        CliHarness.Outcome gs = CliHarness.run("worker", "--spec", good.toString(), "--artifacts", "gs://bucket/prefix");
        assertEquals(2, gs.exitCode(), gs.err());
        assertTrue(gs.err().contains("'gs'"), gs.err());
        CliHarness.Outcome outside = CliHarness.run("worker", "--spec", "s3://other/spec.json", "--artifacts", tmp.toUri().toString());
        assertEquals(2, outside.exitCode(), outside.err());
        assertTrue(outside.err().contains("not under --artifacts"), outside.err());

        CliHarness.Outcome cb = CliHarness.run("worker", "--spec", good.toString(), "--artifacts", tmp.toUri().toString(),
                "--callback", "ftp://x");
        assertEquals(2, cb.exitCode());
        assertTrue(cb.err().contains("--callback"), cb.err());
    }
}
