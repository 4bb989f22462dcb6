package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.client.SseReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /jobs/{id}/frames on the embedded server: a running miller-urey job's box arrives as decodable frames of
 * min(particles, max_atoms) atoms inside the box with valid bonds, and the stream ends after the job's final state;
 * another user's job is 404 and max_atoms out of range is 400 naming the parameter and the range.
 */
class FramesApiTest {
    private static final int PARTICLES = 300;
    private static final int MAX_ATOMS = 100;
    @TempDir
    static Path tmp;
    private static TestServer srv;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void start() {
        srv = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("server"), Map.of());
        alice = srv.newUserKey("alice-frames@example.org");
        bob = srv.newUserKey("bob-frames@example.org");
    }

    @AfterAll
    static void stop() {
        srv.close();
    }

    private static String submit(String key, long steps) {
        TestServer.Response sub = srv.post("/api/v1/jobs", key, "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":"
                + PARTICLES + ",\"steps\":" + steps + ",\"seed\":3}}");
        assertEquals(201, sub.status(), sub.raw().body());
        return sub.body().get("job_id").asText();
    }

    @Test
    void framesOfARunningJobThenTheStreamEndsAfterItsFinalState() throws Exception {
        // long enough never to end on its own during the test: it is canceled once a frame has arrived
        String id = submit(alice, 5_000_000);
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(srv.base + "/api/v1/jobs/" + id + "/frames?max_atoms=" + MAX_ATOMS)).header("X-API-Key", alice)
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String[]> events = new ArrayList<>();
        List<CompletableFuture<?>> cancel = new ArrayList<>();
        try (InputStream in = r.body()) {
            SseReader.read(in, e -> {
                events.add(new String[]{e.name(), e.data()});
                if (e.name().equals("frame") && cancel.isEmpty()) {
                    cancel.add(CompletableFuture.runAsync(() -> srv.post("/api/v1/jobs/" + id + "/cancel", alice, "")));
                }
            });
        }
        cancel.forEach(CompletableFuture::join);
        assertTrue(events.stream().anyMatch(e -> e[0].equals("status")), "the job's state");
        String[] last = events.get(events.size() - 1);
        assertEquals("status", last[0], "the stream ends with the final state");
        assertEquals("canceled", TestServer.JSON.readTree(last[1]).get("status").asText(), last[1]);
        List<String[]> frames = events.stream().filter(e -> e[0].equals("frame")).toList();
        assertTrue(!frames.isEmpty(), "at least one frame");
        for (String[] f : frames) {
            checkFrame(TestServer.JSON.readTree(f[1]));
        }
        assertTrue(events.stream().noneMatch(e -> e[0].equals("progress")), "progress belongs to /events");
    }

    private static void checkFrame(JsonNode f) {
        int particles = f.get("of").asInt(); // the preset's composition rounds: 299 of the 300 asked for
        assertTrue(particles > PARTICLES - 10 && particles <= PARTICLES, "atoms in the box: " + particles);
        int n = Math.min(particles, MAX_ATOMS);
        assertEquals(n, f.get("atoms").asInt(), "min(particles, max_atoms)");
        assertTrue(f.get("step").asLong() >= 0);
        double bx = f.get("box").get(0).asDouble();
        double by = f.get("box").get(1).asDouble();
        Base64.Decoder d = Base64.getDecoder();
        byte[] elements = d.decode(f.get("elements").asText());
        assertEquals(n, elements.length, "decoded atom count");
        for (byte z : elements) {
            assertTrue(z == 1 || z == 6 || z == 7 || z == 8, "an element of miller-urey: " + z);
        }
        ByteBuffer xy = ByteBuffer.wrap(d.decode(f.get("xy").asText())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2 * n * 4, xy.remaining());
        for (int i = 0; i < n; i++) {
            float x = xy.getFloat();
            float y = xy.getFloat();
            assertTrue(x >= 0 && x < bx && y >= 0 && y < by, "inside the box: " + x + "," + y + " of " + bx + "x" + by);
        }
        ByteBuffer bonds = ByteBuffer.wrap(d.decode(f.get("bonds").asText())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, bonds.remaining() % 8, "pairs of uint32");
        while (bonds.hasRemaining()) {
            long a = Integer.toUnsignedLong(bonds.getInt());
            long b = Integer.toUnsignedLong(bonds.getInt());
            assertTrue(a < n && b < n && a != b, "bond " + a + "-" + b + " inside the frame");
        }
    }

    @Test
    void anotherUsersJobIsNotFound() {
        String id = submit(alice, 100);
        TestServer.Response r = srv.get("/api/v1/jobs/" + id + "/frames", bob);
        assertEquals(404, r.status(), r.raw().body());
    }

    @Test
    void maxAtomsOutOfRangeIsABadRequest() {
        String id = submit(alice, 100);
        TestServer.Response r = srv.get("/api/v1/jobs/" + id + "/frames?max_atoms=5", alice);
        assertEquals(400, r.status(), r.raw().body());
        JsonNode err = r.body().get("error");
        assertEquals("max_atoms", err.get("field").asText(), err.toString());
        assertTrue(err.get("message").asText().contains("100..20000"), err.toString());
        assertEquals(400, srv.get("/api/v1/jobs/" + id + "/frames?max_atoms=20001", alice).status());
    }
}
