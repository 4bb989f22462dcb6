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
        srv = TestServer.start(TestServer.Kind.EMBEDDED, data, Map.of(), "{\"jobs\": {\"local_workers\": 1}}");
        alice = srv.newUserKey("alice-" + UUID.randomUUID() + "@example.org");
        bob = srv.newUserKey("bob-" + UUID.randomUUID() + "@example.org");
    }

    @AfterAll
    void stop() {
        if (srv != null) {
            srv.close();
        }
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
