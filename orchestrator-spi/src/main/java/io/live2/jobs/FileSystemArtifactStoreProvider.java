package io.live2.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * "file" scheme: {@code file:///abs/path}. Settings: {@code signing_key} (the HMAC key for signed URLs; default:
 * env LIVE_ARTIFACT_SIGNING_KEY, else random per process).
 */
public final class FileSystemArtifactStoreProvider implements ArtifactStoreProvider {
    /** ServiceLoader creates it. */
    public FileSystemArtifactStoreProvider() {
    }

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public ArtifactStore open(URI uri, Map<String, String> settings) {
        if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() && !"localhost".equalsIgnoreCase(uri.getAuthority())) {
            // file://relative/store parses as host "relative", path "/store": the store would land at /store
            throw new IllegalArgumentException("artifacts: '" + uri + "' names a host ('" + uri.getAuthority()
                    + "'); a file store URI has none: use file:///absolute/path (three slashes)");
        }
        if (uri.isOpaque() || uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("artifacts: '" + uri + "' has no path; expected file:///absolute/path");
        }
        String key = settings.getOrDefault("signing_key", System.getenv("LIVE_ARTIFACT_SIGNING_KEY"));
        try {
            return new FileSystemArtifactStore(Path.of(uri.getPath()),
                    key == null || key.isEmpty() ? FileSystemArtifactStore.randomKey() : key.getBytes(StandardCharsets.UTF_8),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("artifacts: cannot open " + uri + ": " + e.getMessage(), e);
        }
    }
}
