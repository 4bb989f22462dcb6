package io.live2.jobs.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.live2.jobs.ArtifactStore.ArtifactInfo;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3ArtifactStore against Adobe S3Mock running in this JVM (a real S3-protocol server, not AWS). */
class S3ArtifactStoreTest {
    static S3MockServer server;
    @TempDir
    static Path serverRoot;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = new S3MockServer(serverRoot);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    S3ArtifactStore store(String prefix, Map<String, String> settings) {
        return new S3ArtifactStore(URI.create("s3://" + S3MockServer.BUCKET + "/" + prefix), settings, server.aws());
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    Path file(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void putGetListAndChecksum() throws Exception {
        S3ArtifactStore store = store("root1", Map.of());
        byte[] a = "{\"step\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[70_000];
        new Random(1).nextBytes(b);
        ArtifactInfo ia = store.put("dev/u1/j1/summary.json", file("a", a));
        ArtifactInfo ib = store.put("dev/u1/j1/checkpoints/000100.bin", file("b", b));
        store.put("dev/u1/j2/summary.json", file("c", a));
        store.put("dev/u2/j1/summary.json", file("d", a));
        assertEquals(0, store.lastPartCount(), "small files go up in one PutObject");
        assertEquals(new ArtifactInfo("dev/u1/j1/summary.json", a.length, sha(a)), ia);
        assertEquals(sha(b), ib.sha256());

        try (InputStream in = store.get("dev/u1/j1/checkpoints/000100.bin").orElseThrow()) {
            assertArrayEquals(b, in.readAllBytes());
        }
        assertTrue(store.get("dev/u1/j1/nope.json").isEmpty());

        List<ArtifactInfo> listed = store.list("dev/u1/j1/");
        assertEquals(List.of(new ArtifactInfo("dev/u1/j1/checkpoints/000100.bin", b.length, sha(b)),
                new ArtifactInfo("dev/u1/j1/summary.json", a.length, sha(a))), listed, "sorted, sha from x-amz-meta-sha256");
        assertEquals(3, store.list("dev/u1/").size());
        assertEquals(4, store.list("").size());
        assertEquals(URI.create("s3://live-test/root1/dev/u1/j1/spec.json"), store.uriOf("dev/u1/j1/spec.json"));
    }

    @Test
    void presignedGetWorksWithAPlainHttpClient() throws Exception {
        S3ArtifactStore store = store("root2/", Map.of());
        byte[] body = new byte[123_456];
        new Random(2).nextBytes(body);
        store.put("prod/u9/j9/trajectory.bin", file("t", body));
        URI url = store.signedUrl("prod/u9/j9/trajectory.bin", S3ArtifactStore.DEFAULT_URL_VALIDITY);
        assertTrue(url.getQuery().contains("X-Amz-Signature="), url.toString());
        assertTrue(url.getQuery().contains("X-Amz-Expires=3600"), url.toString());
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(body, r.body());
    }

    @Test
    void largeFilesGoMultipartWithTheWholeFileSha256() throws Exception {
        long mib = S3ArtifactStore.MIB;
        S3ArtifactStore store = store("root3", Map.of("multipart_threshold_bytes", String.valueOf(mib),
                "part_size", String.valueOf(5 * mib)));
        byte[] big = new byte[(int) (12 * mib + 12345)];
        new Random(3).nextBytes(big);
        ArtifactInfo info = store.put("staging/u1/j1/checkpoint.bin", file("big", big));
        assertEquals(3, store.lastPartCount(), "5 MiB + 5 MiB + rest");
        assertEquals(sha(big), info.sha256());
        assertEquals(big.length, info.size());
        try (InputStream in = store.get("staging/u1/j1/checkpoint.bin").orElseThrow()) {
            assertArrayEquals(big, in.readAllBytes());
        }
        // S3's multipart ETag is md5(part md5s) + "-" + part count: the server really assembled 3 parts
        var head = rawClient().headObject(b -> b.bucket(S3MockServer.BUCKET).key("root3/staging/u1/j1/checkpoint.bin"));
        assertTrue(head.eTag().replace("\"", "").endsWith("-3"), head.eTag());
        assertEquals(sha(big), head.metadata().get("sha256"));
        assertEquals(List.of(info), store.list("staging/"));
    }

    @Test
    void deleteByPrefixRemovesOnlyThatPrefix() throws Exception {
        S3ArtifactStore store = store("root4", Map.of());
        Path f = file("x", "x".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 7; i++) {
            store.put("dev/u1/j1/f" + i, f);
        }
        store.put("dev/u1/j10/keep", f);
        assertEquals(7, store.deleteByPrefix("dev/u1/j1/"));
        assertTrue(store.list("dev/u1/j1/").isEmpty());
        assertEquals(1, store.list("dev/").size());
        assertFalse(store.get("dev/u1/j10/keep").isEmpty());
    }

    @Test
    void providerIsFoundByScheme() {
        var provider = java.util.ServiceLoader.load(io.live2.jobs.ArtifactStoreProvider.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(p -> p.scheme().equals("s3")).findFirst().orElseThrow();
        // the provider uses the SDK's default chain, whose first link reads these; the store resolves them on open
        System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKE");
        System.setProperty("aws.secretAccessKey", "fake-secret-for-tests");
        try {
            var store = provider.open(URI.create("s3://b/p"), Map.of("endpoint", server.endpoint().toString(), "region", "eu-west-1"));
            assertEquals("s3://b/p/", store.name());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    static software.amazon.awssdk.services.s3.S3Client rawClient() {
        return software.amazon.awssdk.services.s3.S3Client.builder().region(server.aws().region())
                .credentialsProvider(server.aws().credentials()).endpointOverride(server.endpoint())
                .forcePathStyle(true).httpClient(AwsSettings.httpClient()).build();
    }

    /** The job runner with its artifacts in S3: the worker's path on AWS Batch, against the S3 protocol server. */
    @Test
    void aJobRunsWithItsArtifactsInS3() throws Exception {
        String json = """
                {"version": 1, "job_id": "s3-job", "user_id": "u-7", "environment": "dev",
                 "simulation": {"preset": "miller-urey", "particles": 120, "steps": 600, "seed": 5},
                 "limits": {"max_runtime_seconds": 3600, "capacity": "spot", "vcpus": 1, "memory_mib": 2048},
                 "checkpoint_every": 200}""";
        io.live2.jobs.JobSpec spec = io.live2.jobs.JobSpecJson.parse(json);
        S3ArtifactStore s3 = store("live", Map.of());
        io.live2.jobs.JobStatus end = new io.live2.jobs.JobRunner(spec, s3, tmp.resolve("work"), null,
                io.live2.jobs.JobEventListener.NONE, java.time.Clock.systemUTC()).run();
        assertEquals(io.live2.jobs.JobState.SUCCEEDED, end.state());
        java.util.List<String> keys = s3.list(spec.artifactPrefix()).stream().map(io.live2.jobs.ArtifactStore.ArtifactInfo::key).toList();
        for (String expected : java.util.List.of("dev/u-7/s3-job/metadata.json", "dev/u-7/s3-job/results/results.json",
                "dev/u-7/s3-job/results/molecules.json", "dev/u-7/s3-job/status.json")) {
            assertTrue(keys.contains(expected), expected + " in " + keys);
        }
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("dev/u-7/s3-job/checkpoints/checkpoint_")), "checkpoints uploaded: " + keys);
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("dev/u-7/s3-job/snapshots/snapshot_")), "snapshots uploaded: " + keys);
        for (io.live2.jobs.ArtifactStore.ArtifactInfo info : s3.list(spec.artifactPrefix())) {
            try (var in = s3.get(info.key()).orElseThrow()) {
                assertEquals(sha(in.readAllBytes()), info.sha256(), "recorded SHA-256 of " + info.key());
            }
        }
    }
}
