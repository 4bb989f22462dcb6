package io.live2.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.jobs.ArtifactStore;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.Limits;
import io.live2.model.config.Presets;
import io.live2.model.config.Range;
import io.live2.server.client.ServerEvent;
import io.live2.server.client.SseReader;
import io.live2.server.http.SecurityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes the web dashboard needs (contract: DASHBOARD_API.md items 1-4 and 6), on the embedded server. Jobs that
 * must not run yet wait behind a long "blocker" job on the one-slot local orchestrator, and run when it is canceled,
 * so "before success" and "while the stream is open" hold without any sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardRoutesTest {
    @TempDir
    static Path data;
    TestServer srv;
    String alice;
    String bob;

    @BeforeAll
    void start() {
        // one worker: a long job holds back the next ones; two streams per user: the multiplexed stream counts as one
        srv = TestServer.start(TestServer.Kind.EMBEDDED, data, Map.of(),
                "{\"jobs\": {\"local_workers\": 1}, \"limits\": {\"sse_connections_per_user\": 2}}");
        alice = srv.newUserKey("alice-" + UUID.randomUUID() + "@example.org");
        bob = srv.newUserKey("bob-" + UUID.randomUUID() + "@example.org");
    }

    @AfterAll
    void stop() {
        if (srv != null) {
            srv.close();
        }
    }

    // ---- 1. presets

    @Test
    void presetsListEveryPresetWithItsValuesAndTheSchemasRanges() {
        TestServer.Response r = srv.get("/api/v1/presets", alice);
        assertEquals(200, r.status(), r.raw().body());
        JsonNode presets = r.body().get("presets");
        assertEquals(Presets.names().size(), presets.size());
        for (int i = 0; i < presets.size(); i++) {
            JsonNode p = presets.get(i);
            String name = Presets.names().get(i);
            assertEquals(name, p.get("name").asText());
            assertEquals(Presets.list().get(i).description(), p.get("description").asText());
            var config = ConfigLoader.fromPreset(name);
            assertEquals(config.particles(), p.get("defaults").get("particles").asInt(), name);
            assertEquals(config.steps(), p.get("defaults").get("steps").asLong(), name);
            assertEquals(config.temperature(), p.get("defaults").get("temperature").asDouble(), name);
            assertEquals(config.reactions().interval(), p.get("defaults").get("reactions.interval").asInt(), name);
        }
        JsonNode fields = r.body().get("fields");
        // every numeric field of the validator's table (arrays aside) is in the form, with the same bounds
        for (Map.Entry<String, Range> e : Limits.all().entrySet()) {
            if (e.getKey().contains("[]")) {
                continue;
            }
            JsonNode f = fields.get(e.getKey());
            assertTrue(f != null, () -> "fields lacks " + e.getKey() + ": " + fields);
            Range range = e.getValue();
            assertEquals(range.integral() ? "integer" : "number", f.get("type").asText(), e.getKey());
            assertEquals(range.min(), f.get("min").asDouble(), e.getKey());
            assertEquals(range.max(), f.get("max").asDouble(), e.getKey());
            assertEquals(range.minOpen(), f.get("min_exclusive").asBoolean(), e.getKey());
            assertEquals(range.maxOpen(), f.get("max_exclusive").asBoolean(), e.getKey());
        }
        assertEquals(Long.MAX_VALUE, fields.get("seed").get("max").asLong(), "the seed's bound exactly, not a rounded double");
        assertEquals("K", fields.get("temperature").get("unit").asText());
        assertTrue(fields.get("particles").get("unit").isNull());
        assertEquals(presets.get(0).get("defaults").get("particles"), fields.get("particles").get("default"));
        assertEquals(List.of("auto", "cpu", "reference", "simd", "opencl", "aparapi"),
                TestServer.JSON.convertValue(fields.get("backend").get("values"), List.class));
        assertEquals("auto", fields.get("backend").get("default").asText());
        assertEquals("boolean", fields.get("reactions.enabled").get("type").asText());
        assertTrue(fields.get("ensemble").get("values").toString().contains("nve"));
        assertTrue(!fields.has("types") && !fields.has("composition") && !fields.has("preset"), "arrays are the JSON editor's");

        assertEquals(401, srv.call("GET", "/api/v1/presets", null, Map.of()).status());
    }

    @Test
    void aFieldsRangeIsWhatPostJobsEnforces() {
        JsonNode fields = srv.get("/api/v1/presets", alice).body().get("fields");
        long maxParticles = fields.get("particles").get("max").asLong();
        TestServer.Response over = srv.post("/api/v1/jobs", alice, job(Map.of("particles", maxParticles + 1)));
        assertEquals(422, over.status(), over.raw().body());
        assertEquals("simulation.particles", over.body().get("error").get("field").asText());
        assertTrue(over.body().get("error").get("message").asText().contains(Long.toString(maxParticles)), over.raw().body());
        // the open lower end of temperature: its "min" itself is refused
        double minTemperature = fields.get("temperature").get("min").asDouble();
        assertTrue(fields.get("temperature").get("min_exclusive").asBoolean());
        TestServer.Response cold = srv.post("/api/v1/jobs", alice, job(Map.of("temperature", minTemperature)));
        assertEquals(422, cold.status(), cold.raw().body());
        assertEquals("simulation.temperature", cold.body().get("error").get("field").asText());
        long maxInterval = fields.get("reactions.interval").get("max").asLong();
        TestServer.Response nested = srv.post("/api/v1/jobs", alice,
                "{\"simulation\":{\"preset\":\"miller-urey\",\"reactions\":{\"interval\":" + (maxInterval + 1) + "}}}");
        assertEquals(422, nested.status(), nested.raw().body());
        assertEquals("simulation.reactions.interval", nested.body().get("error").get("field").asText());
    }

    // ---- 2. result files

    @Test
    void resultFilesAreServedOnceTheJobSucceeded() throws Exception {
        String blocker = submit(blockerJob());
        String id = submit(TestServer.smallJob(21, null));
        try {
            for (String name : new String[]{"results.json", "species_timeseries.csv"}) {
                TestServer.Response early = srv.get("/api/v1/jobs/" + id + "/results/" + name, alice);
                assertEquals(409, early.status(), early.raw().body());
                assertEquals("not_ready", early.body().get("error").get("code").asText());
            }
        } finally {
            assertEquals(200, srv.post("/api/v1/jobs/" + blocker + "/cancel", alice, null).status());
        }
        assertEquals("succeeded", srv.awaitFinal(alice, id, Duration.ofMinutes(3)).get("status").asText());
        ArtifactStore store = srv.server.injector().getInstance(ArtifactStore.class);
        for (String name : new String[]{"results.json", "molecules.json", "products.json", "reactions.json", "reaction_network.json", "species_timeseries.csv"}) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(srv.base + "/api/v1/jobs/" + id + "/results/" + name)).header("X-API-Key", alice).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), name);
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(name.endsWith(".csv") ? type.startsWith("text/csv") : type.startsWith("application/json"), name + ": " + type);
            String key = store.list("").stream().map(ArtifactStore.ArtifactInfo::key)
                    .filter(k -> k.endsWith("/" + id + "/results/" + name)).findFirst().orElseThrow();
            try (InputStream in = store.get(key).orElseThrow()) {
                assertArrayEquals(in.readAllBytes(), r.body(), "the store's bytes of " + key);
            }
        }
        for (String other : new String[]{"report.html", "molecules.sdf", "results.JSON", "..%2Fspec.json"}) {
            TestServer.Response r = srv.get("/api/v1/jobs/" + id + "/results/" + other, alice);
            assertEquals(404, r.status(), other + ": " + r.raw().body());
        }
        TestServer.Response foreign = srv.get("/api/v1/jobs/" + id + "/results/results.json", bob);
        assertEquals(404, foreign.status(), "another user's job");
        assertEquals("not_found", foreign.body().get("error").get("code").asText());
        TestServer.Response canceled = srv.get("/api/v1/jobs/" + blocker + "/results/results.json", alice);
        assertEquals(409, canceled.status(), "a canceled job never has results");
    }

    // ---- 3. depictions

    @Test
    void depictionsAreSvgAndGarbageIsAFieldError() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(srv.base + "/api/v1/depictions?smiles=" + URLEncoder.encode("NC(=O)[CH2]", StandardCharsets.UTF_8)))
                .header("X-API-Key", bob).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertEquals(List.of("private, max-age=86400"), r.headers().allValues("Cache-Control"),
                "a drawing may be kept by the browser (the API's no-store is replaced)");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());

        for (String bad : new String[]{"C1CC((", "not smiles at all", "", "C".repeat(501)}) {
            TestServer.Response e = srv.get("/api/v1/depictions?smiles=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), alice);
            assertEquals(400, e.status(), bad + ": " + e.raw().body());
            assertEquals("invalid_field", e.body().get("error").get("code").asText());
            assertEquals("smiles", e.body().get("error").get("field").asText());
        }
        assertEquals(200, srv.get("/api/v1/depictions?smiles=" + "C".repeat(500), alice).status(), "500 characters are allowed");
        assertEquals(401, srv.call("GET", "/api/v1/depictions?smiles=C", null, Map.of()).status());
        assertEquals(403, srv.get("/api/v1/depictions?smiles=C", keyWith("billing")).status(), "needs jobs:read");
        assertEquals(200, srv.get("/api/v1/depictions?smiles=C", keyWith("jobs:read")).status());
    }

    /** A new user's API key with only these scopes. */
    private String keyWith(String... scopes) {
        String email = "scoped-" + UUID.randomUUID() + "@example.org";
        srv.newUserKey(email);
        TestServer.Response k = srv.call("POST", "/api/v1/keys", TestServer.JSON.createObjectNode().put("name", "scoped")
                        .set("scopes", TestServer.JSON.valueToTree(scopes)).toString(),
                Map.of("Authorization", "Bearer " + srv.accessToken(email)));
        assertEquals(201, k.status(), k.raw().body());
        return k.body().get("key").asText();
    }

    // ---- 4. one event stream for several jobs

    @Test
    void oneStreamCarriesSeveralJobsAndEndsWhenAllAreFinal() throws Exception {
        String blocker = submit(blockerJob());
        String a = submit(TestServer.smallJob(31, null));
        String b = submit(TestServer.smallJob(32, null));
        List<ServerEvent> events = new ArrayList<>();
        HttpResponse<InputStream> r;
        try {
            // both wait behind the blocker while the stream opens, so it sees them run
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(srv.base + "/api/v1/events?jobs=" + a + "," + b))
                    .header("X-API-Key", alice).timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
            // it holds one of the user's two stream slots, however many jobs it carries: one more stream, not a third
            HttpResponse<InputStream> second = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(srv.base + "/api/v1/jobs/" + a + "/events")).header("X-API-Key", alice)
                    .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, second.statusCode());
            TestServer.Response third = srv.get("/api/v1/events?jobs=" + b, alice);
            assertEquals(429, third.status(), third.raw().body());
            assertEquals("too_many_streams", third.body().get("error").get("code").asText());
            second.body().close();
        } finally {
            assertEquals(200, srv.post("/api/v1/jobs/" + blocker + "/cancel", alice, null).status());
        }
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (InputStream in = r.body()) {
            SseReader.read(in, events::add); // returns only when the server ends the stream
        }
        assertEquals("status", events.get(0).name());
        assertEquals("status", events.get(1).name());
        assertEquals(Set.of(a, b), Set.of(job(events.get(0)).get("job_id").asText(), job(events.get(1)).get("job_id").asText()),
                "first a status of each job");
        for (String id : List.of(a, b)) {
            List<ServerEvent> mine = events.stream().filter(e -> dataJobId(e).equals(id)).toList();
            ServerEvent last = mine.stream().filter(e -> e.name().equals("status")).reduce((x, y) -> y).orElseThrow();
            assertEquals("succeeded", job(last).get("status").asText(), "the stream ends after both are final");
            assertTrue(last.id().matches(id + ":\\d+"), "status id <job_id>:<state event id>: " + last.id());
            ServerEvent first = mine.get(0);
            assertEquals("queued", job(first).get("status").asText(), "it waited behind the blocker: " + first.data());
            List<ServerEvent> progress = mine.stream().filter(e -> e.name().equals("progress")).toList();
            assertTrue(!progress.isEmpty(), "progress of " + id + " while it ran: " + mine);
            for (ServerEvent p : progress) {
                JsonNode d = job(p);
                assertTrue(d.has("step") && d.has("total_steps") && d.has("temperature") && !d.has("type"), d.toString());
            }
        }
        assertTrue(events.stream().allMatch(e -> Set.of(a, b).contains(dataJobId(e))), "only the listed jobs");
    }

    @Test
    void aStreamWhoseClientLeftFreesItsSlotWhileTheJobWaits() throws Exception {
        // a user of its own: the slots this test takes never meet the other tests' streams
        String carol = srv.newUserKey("carol-" + UUID.randomUUID() + "@example.org");
        String blocker = srv.post("/api/v1/jobs", carol, blockerJob()).body().get("job_id").asText();
        String queued = srv.post("/api/v1/jobs", carol, TestServer.smallJob(51, null)).body().get("job_id").asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            // the job stays queued behind the blocker: its streams have nothing to send but their pings
            for (String path : List.of("/api/v1/jobs/" + queued + "/frames", "/api/v1/events?jobs=" + queued)) {
                HttpResponse<InputStream> r = openStream(http, path, carol);
                assertEquals(200, r.statusCode());
                open.add(r);
            }
            assertEquals(429, openStream(http, "/api/v1/jobs/" + queued + "/events", carol).statusCode(), "both slots taken");
            open.get(0).body().close(); // the viewer leaves: the server hears nothing until it writes
            open.get(1).body().close();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int freed = 0;
            while (freed < 2) {
                HttpResponse<InputStream> r = openStream(http, "/api/v1/jobs/" + queued + "/frames", carol);
                if (r.statusCode() == 200) {
                    open.add(r); // held open: the next one needs the other slot
                    freed++;
                    continue;
                }
                assertEquals(429, r.statusCode());
                r.body().close();
                assertTrue(System.nanoTime() < end, "the slots of the closed streams were not freed within 30 s");
                Thread.sleep(200); // polling interval, not a timing assumption: the bound is the 30 s
            }
            assertEquals("queued", srv.get("/api/v1/jobs/" + queued, carol).body().get("status").asText(),
                    "freed while the job still waited");
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
            srv.post("/api/v1/jobs/" + queued + "/cancel", carol, null);
            assertEquals(200, srv.post("/api/v1/jobs/" + blocker + "/cancel", carol, null).status());
        }
    }

    @Test
    void aJobThatGoesAwayWhileStreamedEndsItsStreamsWithoutAnError() throws Exception {
        String daveEmail = "dave-" + UUID.randomUUID() + "@example.org";
        String erinEmail = "erin-" + UUID.randomUUID() + "@example.org";
        String dave = srv.newUserKey(daveEmail);
        srv.newUserKey(erinEmail);
        String blocker = srv.post("/api/v1/jobs", dave, blockerJob()).body().get("job_id").asText();
        String queued = srv.post("/api/v1/jobs", dave, TestServer.smallJob(61, null)).body().get("job_id").asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<java.util.logging.LogRecord> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() || r.getThrown() != null) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        List<java.util.concurrent.CompletableFuture<List<ServerEvent>>> readers = new ArrayList<>();
        try {
            // a job that only waits (behind the blocker): its streams re-read it every few seconds
            for (String path : List.of("/api/v1/jobs/" + queued + "/frames", "/api/v1/jobs/" + queued + "/events")) {
                HttpResponse<InputStream> r = openStream(http, path, dave);
                assertEquals(200, r.statusCode());
                readers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    List<ServerEvent> events = new ArrayList<>();
                    try (InputStream in = r.body()) {
                        SseReader.read(in, events::add);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("the stream broke off: " + events, e);
                    }
                    return events;
                }));
            }
            root.addHandler(capture);
            // the job is no longer dave's (as if deleted with its owner): the next re-read finds nothing
            owner(queued, erinEmail);
            for (var reader : readers) {
                List<ServerEvent> events = reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals("status", events.get(0).name(), "the stream started: " + events);
                assertTrue(events.stream().allMatch(e -> e.name().equals("status")), events.toString());
            }
            assertTrue(logged.isEmpty(), () -> "no error after the response had started: "
                    + logged.stream().map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList());
        } finally {
            root.removeHandler(capture);
            owner(queued, daveEmail);
            srv.post("/api/v1/jobs/" + queued + "/cancel", dave, null);
            assertEquals(200, srv.post("/api/v1/jobs/" + blocker + "/cancel", dave, null).status());
        }
    }

    /** Gives a job to the user with that email, straight in the database. */
    private void owner(String jobId, String email) throws Exception {
        try (java.sql.Connection c = srv.server.injector().getInstance(io.live2.server.db.Database.class).pool().getConnection();
             java.sql.PreparedStatement st = c.prepareStatement(
                     "UPDATE jobs SET user_id = (SELECT id FROM users WHERE email = ?) WHERE id = ?")) {
            st.setString(1, email);
            st.setString(2, jobId);
            assertEquals(1, st.executeUpdate());
        }
    }

    private HttpResponse<InputStream> openStream(HttpClient http, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(srv.base + path)).header("X-API-Key", key)
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void theJobsListIsCheckedBeforeTheStreamOpens() {
        String mine = submit(TestServer.smallJob(41, null));
        String bobs = srv.post("/api/v1/jobs", bob, TestServer.smallJob(42, null)).body().get("job_id").asText();
        TestServer.Response foreign = srv.get("/api/v1/events?jobs=" + mine + "," + bobs, alice);
        assertEquals(404, foreign.status(), foreign.raw().body());
        assertEquals("jobs", foreign.body().get("error").get("field").asText());
        assertTrue(foreign.body().get("error").get("message").asText().contains(bobs), "names the unknown id");
        assertEquals(404, srv.get("/api/v1/events?jobs=j_nonexistent", alice).status());

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(mine);
        }
        TestServer.Response tooMany = srv.get("/api/v1/events?jobs=" + String.join(",", many), alice);
        assertEquals(400, tooMany.status(), tooMany.raw().body());
        assertEquals("jobs", tooMany.body().get("error").get("field").asText());
        TestServer.Response none = srv.get("/api/v1/events?jobs=", alice);
        assertEquals(400, none.status(), none.raw().body());
        assertEquals("jobs", none.body().get("error").get("field").asText());
        srv.awaitFinal(alice, mine, Duration.ofMinutes(3));
        srv.awaitFinal(bob, bobs, Duration.ofMinutes(3));
        // 50 ids of final jobs: accepted, and the stream ends at once after their status
        TestServer.Response fifty = srv.get("/api/v1/events?jobs=" + String.join(",", many.subList(0, 50)), alice);
        assertEquals(200, fifty.status(), fifty.raw().body());
        assertTrue(fifty.raw().body().contains("event:status") || fifty.raw().body().contains("event: status"), fifty.raw().body());
    }

    // ---- 6. the dashboard's CSP

    @Test
    void theDashboardHasItsOwnContentSecurityPolicy() {
        TestServer.Response page = srv.call("GET", "/", null, Map.of());
        assertEquals(200, page.status());
        TestServer.Response api = srv.get("/api/v1/presets", alice);
        String pageCsp = page.header("Content-Security-Policy");
        String apiCsp = api.header("Content-Security-Policy");
        assertEquals(SecurityHeaders.DASHBOARD_CSP, pageCsp);
        assertTrue(pageCsp.contains("img-src 'self' data: blob:") && pageCsp.contains("object-src 'none'")
                && pageCsp.contains("frame-ancestors 'none'"), pageCsp);
        assertNotEquals(pageCsp, apiCsp);
        assertEquals("default-src 'self'; frame-ancestors 'none'", apiCsp);
    }

    // ---- helpers

    private String submit(String body) {
        TestServer.Response r = srv.post("/api/v1/jobs", alice, body);
        assertEquals(201, r.status(), r.raw().body());
        return r.body().get("job_id").asText();
    }

    /** A job that runs for minutes: it holds the one orchestrator slot until a test cancels it. */
    private static String blockerJob() {
        return job(Map.of("particles", 150, "steps", 200_000_000L));
    }

    private static String job(Map<String, Object> overrides) {
        ObjectNode sim = TestServer.JSON.createObjectNode().put("preset", "miller-urey").put("particles", 150).put("steps", 200).put("seed", 5);
        overrides.forEach((k, v) -> sim.set(k, TestServer.JSON.valueToTree(v)));
        ObjectNode body = TestServer.JSON.createObjectNode();
        body.set("simulation", sim);
        return body.toString();
    }

    private static JsonNode job(ServerEvent e) {
        try {
            return TestServer.JSON.readTree(e.data());
        } catch (Exception x) {
            throw new AssertionError(e.data(), x);
        }
    }

    private static String dataJobId(ServerEvent e) {
        return job(e).path("job_id").asText();
    }
}
