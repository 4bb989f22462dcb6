package io.live2.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.live2.jobs.aws.CallbackSignature;
import io.live2.server.settings.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Worker callbacks reach the internal route only when signed with the job's key inside the replay window; access
 * tokens that are expired, tampered or meant for another audience get 401 on a real route; CORS only for the
 * configured origin.
 */
class CallbackAndTokenTest {
    @TempDir
    static Path data;
    static TestServer srv;
    static ServerSettings settings;

    @BeforeAll
    static void start() {
        srv = TestServer.start(TestServer.Kind.EMBEDDED, data, Map.of("LIVE_CORS_ORIGINS", "https://app.example.org"),
                "{\"jobs\": {\"local_workers\": 1}}");
        settings = srv.server.injector().getInstance(ServerSettings.class);
    }

    @AfterAll
    static void stop() {
        srv.close();
    }

    private TestServer.Response callback(String body, long ts, byte[] key) {
        return srv.call("POST", "/internal/callbacks", body, Map.of(
                CallbackSignature.TIMESTAMP_HEADER, Long.toString(ts),
                CallbackSignature.SIGNATURE_HEADER, CallbackSignature.sign(key, ts, body)));
    }

    @Test
    void onlySignedFreshUnreplayedCallbacksChangeAJob() throws Exception {
        String key = srv.newUserKey("cb@example.org");
        // a job that stays queued: the embedded worker is busy with a long one first
        srv.post("/api/v1/jobs", key, "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":2000000,\"seed\":1}}");
        String id = srv.post("/api/v1/jobs", key, TestServer.smallJob(2, null)).body().get("job_id").asText();
        byte[] jobKey = CallbackSignature.jobKey(settings.callbackSecret().bytes(), id).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String body = "{\"job_id\":\"" + id + "\",\"event\":\"progress\",\"state\":\"running\",\"step\":50,\"total_steps\":200,"
                + "\"percent\":25.0,\"steps_per_second\":10.0,\"species\":4,\"attempt\":1}";

        ApiContract.assertErrorShape(callback(body, now, "wrong-key".getBytes(StandardCharsets.UTF_8)), 401);
        ApiContract.assertErrorShape(callback(body, now - Duration.ofMinutes(10).toSeconds(), jobKey), 401);
        assertEquals("queued", srv.get("/api/v1/jobs/" + id, key).body().get("status").asText(), "refused callbacks change nothing");

        // a stream open on the job hears the callback's progress
        java.util.concurrent.CompletableFuture<com.fasterxml.jackson.databind.JsonNode> progress = new java.util.concurrent.CompletableFuture<>();
        java.net.http.HttpResponse<java.io.InputStream> stream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(srv.base + "/api/v1/jobs/" + id + "/events"))
                        .header("X-API-Key", key).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (java.io.InputStream in = stream.body()) {
                io.live2.server.client.SseReader.read(in, e -> {
                    if (e.name().equals("progress")) {
                        progress.complete(io.live2.server.http.Json.readStored(e.data()));
                        throw new java.util.concurrent.CancellationException("seen"); // stop reading
                    }
                });
            } catch (Exception e) {
                progress.completeExceptionally(e);
            }
        });
        assertEquals(204, callback(body, now, jobKey).status());
        com.fasterxml.jackson.databind.JsonNode p = progress.get(30, java.util.concurrent.TimeUnit.SECONDS);
        reader.join();
        assertEquals(50, p.get("step").asLong(), p.toString());
        assertEquals(4, p.get("molecules").asInt(), "the callback's count of molecules: " + p);
        assertFalse(p.has("species"), "no species count exists, so none is sent: " + p);
        assertTrue(p.get("temperature").isNull() && p.get("bonds").isNull(), "not reported, so null, not 0: " + p);
        assertEquals("running", srv.get("/api/v1/jobs/" + id, key).body().get("status").asText());
        assertEquals(50, srv.get("/api/v1/jobs/" + id, key).body().get("progress").get("step").asLong());
        ApiContract.assertErrorShape(callback(body, now, jobKey), 401); // the same signature again: a replay
    }

    /** Found by `live drill fuzz`: signed bodies the strict JSON reader refuses were answered 500. */
    @Test
    void aSignedBodyThatIsNotStrictJsonGets400() {
        String id = "j_fuzz_regression";
        byte[] jobKey = CallbackSignature.jobKey(settings.callbackSecret().bytes(), id).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String twice = "{\"job_id\":\"" + id + "\",\"step\":1,\"step\":2}";
        String deep = "{\"job_id\":\"" + id + "\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        for (String body : new String[] {twice, deep}) {
            ApiContract.assertErrorShape(callback(body, now, jobKey), 400);
        }
    }

    @Test
    void expiredTamperedAndWrongAudienceTokensGet401() throws Exception {
        srv.newUserKey("tok@example.org");
        String good = srv.accessToken("tok@example.org");
        assertEquals(200, srv.call("GET", "/api/v1/jobs", null, Map.of("Authorization", "Bearer " + good)).status());
        String sub = SignedJWT.parse(good).getJWTClaimsSet().getSubject();
        byte[] secret = settings.jwtSecret().bytes();
        Instant now = Instant.now();
        String expired = sign(secret, "live2", "live2-api", sub, now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(15)));
        String otherAudience = sign(secret, "live2", "billing-portal", sub, now, now.plus(Duration.ofMinutes(5)));
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        for (String t : new String[]{expired, otherAudience, tampered}) {
            ApiContract.assertErrorShape(srv.call("GET", "/api/v1/jobs", null, Map.of("Authorization", "Bearer " + t)), 401);
        }
    }

    @Test
    void corsHeadersOnlyForTheConfiguredOrigin() {
        TestServer.Response allowed = srv.call("OPTIONS", "/api/v1/jobs", null, Map.of("Origin", "https://app.example.org",
                "Access-Control-Request-Method", "POST"));
        assertEquals("https://app.example.org", allowed.header("Access-Control-Allow-Origin"));
        TestServer.Response other = srv.call("GET", "/api/v1/jobs", null, Map.of("Origin", "https://evil.example.com"));
        assertNull(other.header("Access-Control-Allow-Origin"));
    }

    private static String sign(byte[] key, String iss, String aud, String sub, Instant iat, Instant exp) throws Exception {
        JWTClaimsSet c = new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject(sub).jwtID("0123456789abcdef")
                .issueTime(Date.from(iat)).expirationTime(Date.from(exp)).build();
        SignedJWT j = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c);
        j.sign(new MACSigner(key));
        return j.serialize();
    }
}
