package io.live2.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemArtifactStoreTest {

    @Test
    void putGetListDelete(@TempDir Path tmp) throws Exception {
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("store"))) {
            Path src = tmp.resolve("a.txt");
            Files.writeString(src, "hello");
            ArtifactStore.ArtifactInfo info = store.put("dev/u/j/results/results.json", src);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8)));
            assertEquals(new ArtifactStore.ArtifactInfo("dev/u/j/results/results.json", 5, sha), info);
            store.put("dev/u/j/logs/x.log", src);
            store.put("dev/u/k/logs/x.log", src);
            store.put("dev/u/j/a.json", src);
            assertEquals(List.of("dev/u/j/a.json", "dev/u/j/logs/x.log", "dev/u/j/results/results.json"),
                    store.list("dev/u/j/").stream().map(ArtifactStore.ArtifactInfo::key).toList());
            assertEquals(sha, store.list("dev/u/j/results").get(0).sha256());
            try (InputStream in = store.get("dev/u/j/a.json").orElseThrow()) {
                assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(store.get("dev/u/j/none").isEmpty());
            assertEquals(3, store.deleteByPrefix("dev/u/j/"));
            assertEquals(List.of("dev/u/k/logs/x.log"), store.list("").stream().map(ArtifactStore.ArtifactInfo::key).toList());
            assertThrows(IllegalArgumentException.class, () -> store.put("../escape", src));
            assertThrows(IllegalArgumentException.class, () -> store.put("a//b", src));
            assertThrows(IllegalArgumentException.class, () -> store.put("/abs", src));
        }
    }

    @Test
    void foundByScheme(@TempDir Path tmp) {
        ArtifactStore s = ArtifactStores.open(tmp.toUri(), Map.of());
        assertInstanceOf(FileSystemArtifactStore.class, s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactStores.open(URI.create("s3://bucket/prefix"), Map.of()));
        assertTrue(e.getMessage().contains("scheme 's3'") && e.getMessage().contains("orchestrator-awsbatch"), e.getMessage());
    }

    @Test
    void signedUrlsExpireAndResistTampering(@TempDir Path tmp) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("s"), "k".getBytes(StandardCharsets.UTF_8), clock)) {
            byte[] data = new byte[100_000];
            new java.util.Random(1).nextBytes(data);
            Path src = tmp.resolve("snap.json");
            Files.write(src, data);
            store.put("prod/u/j/snapshots/snapshot_000000100.json", src);
            store.put("prod/u/j/other.json", src);
            URI url = store.signedUrl("prod/u/j/snapshots/snapshot_000000100.json", Duration.ofMinutes(10));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, ok.statusCode());
            assertArrayEquals(data, ok.body());

            URI otherKey = URI.create(url.toString().replace("snapshots/snapshot_000000100.json", "other.json"));
            assertEquals(403, http.send(HttpRequest.newBuilder(otherKey).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            String s = url.toString();
            char last = s.charAt(s.length() - 1);
            URI badSig = URI.create(s.substring(0, s.length() - 1) + (last == '0' ? '1' : '0'));
            assertEquals(403, http.send(HttpRequest.newBuilder(badSig).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            URI laterExpiry = URI.create(s.replaceAll("expires=(\\d+)", "expires=9$1"));
            assertEquals(403, http.send(HttpRequest.newBuilder(laterExpiry).build(), HttpResponse.BodyHandlers.discarding()).statusCode());

            clock.advance(Duration.ofMinutes(10));
            assertEquals(403, http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }
    @Test
    void theReportIsShownSandboxedAndEverythingElseIsDownloaded(@TempDir Path tmp) throws Exception {
        try (FileSystemArtifactStore store = new FileSystemArtifactStore(tmp.resolve("s"), "k".getBytes(StandardCharsets.UTF_8),
                java.time.Clock.systemUTC())) {
            Path src = tmp.resolve("f");
            Files.writeString(src, "<html><body>report</body></html>");
            store.put("prod/u/j/results/report.html", src);
            store.put("prod/u/j/results/species_timeseries.csv", src);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(
                    store.signedUrl("prod/u/j/results/report.html", Duration.ofMinutes(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("text/html; charset=utf-8", report.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(report.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox;"));
            assertTrue(report.headers().firstValue("Content-Disposition").isEmpty());
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(
                    store.signedUrl("prod/u/j/results/species_timeseries.csv", Duration.ofMinutes(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"species_timeseries.csv\"", csv.headers().firstValue("Content-Disposition").orElseThrow());
            assertEquals("nosniff", csv.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
    }
}
