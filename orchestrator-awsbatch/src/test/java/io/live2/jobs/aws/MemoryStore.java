package io.live2.jobs.aws;

import io.live2.jobs.ArtifactStore;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory artifact store for the orchestrator tests (the S3 store has its own tests against S3Mock). */
final class MemoryStore implements ArtifactStore {
    final Map<String, byte[]> objects = new TreeMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public ArtifactInfo put(String key, Path file) throws java.io.IOException {
        byte[] b = Files.readAllBytes(file);
        objects.put(key, b);
        return new ArtifactInfo(key, b.length, sha(b));
    }

    String text(String key) {
        return new String(objects.get(key), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<InputStream> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public List<ArtifactInfo> list(String prefix) {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new ArtifactInfo(e.getKey(), e.getValue().length, sha(e.getValue()))).toList();
    }

    @Override
    public URI signedUrl(String key, Duration validFor) {
        return URI.create("memory:" + key);
    }

    @Override
    public int deleteByPrefix(String prefix) {
        int n = list(prefix).size();
        objects.keySet().removeIf(k -> k.startsWith(prefix));
        return n;
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
