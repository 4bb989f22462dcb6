package io.live2.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where job artifacts live, keyed by path-like keys under the prefix {env}/{user_id}/{job_id}/ (the same layout as a
 * run directory). Implementations: the file system (built in) and S3 (orchestrator-awsbatch), found with
 * ServiceLoader through {@link ArtifactStoreProvider} by URI scheme.
 */
public interface ArtifactStore {
    String name();

    /** Stores a file under the key (large files in parts where the store supports it); records its SHA-256. */
    ArtifactInfo put(String key, Path file) throws IOException;

    /** The object's bytes, or empty when absent. The caller closes the stream. */
    Optional<InputStream> get(String key) throws IOException;

    /** Objects whose key starts with the prefix, sorted by key. */
    List<ArtifactInfo> list(String prefix) throws IOException;

    /** A URL a plain HTTP client can GET without credentials until it expires. */
    URI signedUrl(String key, Duration validFor) throws IOException;

    /** Deletes every object under the prefix; returns how many. */
    int deleteByPrefix(String prefix) throws IOException;

    /** @param sha256 hex digest of the content */
    record ArtifactInfo(String key, long size, String sha256) {
    }
}
