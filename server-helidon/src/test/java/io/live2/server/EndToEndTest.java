package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.engine.Simulation;
import io.live2.jobs.ArtifactStore;
import io.live2.model.config.ConfigLoader;
import io.live2.server.client.SseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user takes on the embedded server: register → key → submit a small miller-urey job → watch its
 * Server-Sent Events to succeeded → download every artifact through its signed URL (SHA-256 equal to the listing
 * and to the store) → the snapshots equal, byte for byte, those of a direct run of the same config.
 */
class EndToEndTest {
    private static final String SIMULATION = "{\"preset\":\"miller-urey\",\"particles\":300,\"steps\":6000,\"seed\":11,"
            + "\"output\":{\"snapshot_every\":2000,\"snapshot_files\":\"all\"}}";

    @Test
    void submitWatchDownloadAndMatchADirectRun(@TempDir Path tmp) throws Exception {
        try (TestServer srv = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("server"), Map.of())) {
            String key = srv.newUserKey("erin@example.org");
            TestServer.Response sub = srv.post("/api/v1/jobs", key, "{\"simulation\":" + SIMULATION + "}");
            assertEquals(201, sub.status(), sub.raw().body());
            String id = sub.body().get("job_id").asText();

            List<String[]> events = watch(srv.base + "/api/v1/jobs/" + id + "/events", key);
            assertEquals("status", events.get(0)[0], "the stream opens with the job's state");
            String[] last = events.get(events.size() - 1);
            assertEquals("status", last[0]);
            JsonNode finalJob = TestServer.JSON.readTree(last[1]);
            assertEquals("succeeded", finalJob.get("status").asText(), last[1]);
            assertTrue(events.stream().anyMatch(e -> e[0].equals("progress")), "progress events while it ran");
            JsonNode progress = TestServer.JSON.readTree(events.stream().filter(e -> e[0].equals("progress")).reduce((a, b) -> b).get()[1]);
            assertTrue(progress.get("temperature").asDouble() > 0, "progress carries the temperature: " + progress);
            assertTrue(progress.get("molecules").asInt() > 0 && progress.has("steps_per_second"), progress.toString());
            assertTrue(progress.has("bonds"), progress.toString());
            assertTrue(!progress.has("species"), "no species count while running (molecules is not one): " + progress);

            JsonNode listing = srv.get("/api/v1/jobs/" + id + "/artifacts", key).body();
            ArtifactStore store = srv.server.injector().getInstance(ArtifactStore.class);
            String prefix = "dev/" + finalJob.path("job_id").asText();
            Path download = tmp.resolve("download");
            HttpClient plain = HttpClient.newHttpClient();
            int files = 0;
            for (JsonNode a : listing.get("artifacts")) {
                HttpResponse<byte[]> r = plain.send(HttpRequest.newBuilder(URI.create(a.get("url").asText())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), a.get("key").asText());
                assertEquals(a.get("sha256").asText(), sha256(r.body()), "listed checksum of " + a.get("key").asText());
                String storeKey = store.list("").stream().map(ArtifactStore.ArtifactInfo::key)
                        .filter(k -> k.endsWith("/" + id + "/" + a.get("key").asText())).findFirst().orElseThrow();
                try (InputStream in = store.get(storeKey).orElseThrow()) {
                    assertArrayEquals(in.readAllBytes(), r.body(), "the store's bytes of " + storeKey);
                }
                Path f = download.resolve(a.get("key").asText());
                Files.createDirectories(f.getParent());
                Files.write(f, r.body());
                files++;
            }
            assertTrue(files > 3, "results, snapshots, metadata: " + listing);
            assertFalse(prefix.isEmpty());

            JsonNode results = srv.get("/api/v1/jobs/" + id + "/results", key).body();
            assertEquals(6000, results.get("results").get("steps").asLong(), results.toString());
            assertTrue(results.has("species"));

            Path direct = tmp.resolve("direct");
            Simulation.builder().config(ConfigLoader.fromJson(SIMULATION)).runDirectory(direct).build().run();
            List<Path> snaps;
            try (Stream<Path> s = Files.list(direct.resolve("snapshots"))) {
                snaps = s.sorted().toList();
            }
            assertFalse(snaps.isEmpty());
            for (Path p : snaps) {
                Path mine = download.resolve("snapshots").resolve(p.getFileName().toString());
                assertTrue(Files.exists(mine), "the job has " + p.getFileName());
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(mine), "byte for byte: " + p.getFileName());
            }
        }
    }

    /** Reads the event stream to its end with the client's SSE reader: [name, data] per event. */
    static List<String[]> watch(String url, String key) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key)
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String[]> out = new ArrayList<>();
        try (InputStream in = r.body()) {
            SseReader.read(in, e -> out.add(new String[]{e.name(), e.data()}));
        }
        return out;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
