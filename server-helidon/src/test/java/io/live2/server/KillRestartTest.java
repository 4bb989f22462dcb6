package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the server process while jobs run and while submissions are in flight, then a restart on the same
 * data directory: every job that got a 201 exists and ends succeeded (the local orchestrator resumes running jobs
 * from their checkpoints; the reconciler hands over any job committed but not yet submitted).
 */
class KillRestartTest {
    private static final String JOB = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":200,\"steps\":%d,\"seed\":%d}}";

    @Test
    void everyAcceptedJobSurvivesTwoKills(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("server.json");
        Files.writeString(config, "{\"jobs\": {\"checkpoint_every\": 2000, \"local_workers\": 2, \"reconcile_seconds\": 2}, "
                + "\"billing\": {\"default_tier\": \"enterprise\"}}");
        Path data = tmp.resolve("data");
        Server s = Server.start(config, data);
        String key = s.firstKey;
        assertTrue(key != null && key.startsWith("lk_"), "the first start prints an API key");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 3; i++) {
            accepted.add(submit(http, s.url, key, 40_000, i));
        }
        try {
            killTwiceAndCheck(s, config, data, key, accepted, http);
        } finally {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(data.toString())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void killTwiceAndCheck(Server first, Path config, Path data, String key, Set<String> accepted, HttpClient http)
            throws Exception {
        Server s = first;
        for (int kill = 0; kill < 2; kill++) {
            AtomicBoolean go = new AtomicBoolean(true);
            String url = s.url;
            Thread submitter = Thread.ofVirtual().start(() -> {
                int n = 100 * (accepted.size() + 1);
                while (go.get()) {
                    try {
                        accepted.add(submit(http, url, key, 3_000, n++));
                    } catch (Exception e) {
                        return; // the server died under us: this submission never got a 201
                    }
                }
            });
            waitUntilSomeJobRuns(http, s.url, key);
            s.process.destroyForcibly(); // SIGKILL
            s.process.waitFor(30, TimeUnit.SECONDS);
            go.set(false);
            submitter.join();
            s = Server.start(config, data);
        }
        assertTrue(accepted.size() >= 4, "jobs were accepted before and between the kills: " + accepted.size());
        for (String id : accepted) {
            JsonNode j = awaitFinal(http, s.url, key, id);
            assertEquals("succeeded", j.get("status").asText(), j.toString());
        }
        s.process.destroy(); // SIGTERM: the graceful stop
        assertTrue(s.process.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the server");
    }

    static String submit(HttpClient http, String url, String key, int steps, int seed) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs")).header("X-API-Key", key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(String.format(JOB, steps, seed))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return TestServer.JSON.readTree(r.body()).get("job_id").asText();
    }

    static void waitUntilSomeJobRuns(HttpClient http, String url, String key) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs?limit=100")).header("X-API-Key", key).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode j : TestServer.JSON.readTree(r.body()).get("jobs")) {
                if (j.get("status").asText().equals("running") && j.path("progress").path("step").asLong() > 2000) {
                    return;
                }
            }
            Thread.sleep(100); // polling interval; the bound is the deadline above
        }
        throw new AssertionError("no job ran past its first checkpoint within 2 minutes");
    }

    static JsonNode awaitFinal(HttpClient http, String url, String key, String id) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode j = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs/" + id)).header("X-API-Key", key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "job " + id + " that got a 201 exists after the restarts: " + r.body());
            j = TestServer.JSON.readTree(r.body());
            if (Set.of("succeeded", "failed", "canceled").contains(j.get("status").asText())) {
                return j;
            }
            Thread.sleep(200); // polling interval; the bound is the deadline above
        }
        throw new AssertionError("job " + id + " not final after the restarts: " + j);
    }

    /** A server in its own JVM (ServerMain, what live serve runs), on an ephemeral port. */
    record Server(Process process, String url, String firstKey) {
        static Server start(Path config, Path data) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    ServerMain.class.getName(), "--port", "0", "--data", data.toString(), "--config", config.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(data.resolveSibling("server.log").toFile()));
            Files.createDirectories(data);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String key = null;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("LIVE_API_KEY=")) {
                    key = line.substring("LIVE_API_KEY=".length());
                }
                if (line.startsWith("live: serving")) {
                    url = line.replaceAll(".* at (http://[^ ]+) .*", "$1");
                    break;
                }
            }
            if (url == null) {
                throw new AssertionError("the server did not start: exit " + (p.isAlive() ? "alive" : p.exitValue()) + "; see "
                        + data.resolveSibling("server.log") + ":\n" + Files.readString(data.resolveSibling("server.log")));
            }
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining stdout
            return new Server(p, url, key);
        }
    }
}
