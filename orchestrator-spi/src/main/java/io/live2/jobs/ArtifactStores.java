package io.live2.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds an {@link ArtifactStore} by URI scheme through ServiceLoader. */
public final class ArtifactStores {
    private ArtifactStores() {
    }

    /** Schemes available on the class path / module path. */
    public static List<String> schemes() {
        List<String> s = new ArrayList<>();
        ServiceLoader.load(ArtifactStoreProvider.class).forEach(p -> s.add(p.scheme()));
        return s;
    }

    /**
     * @throws IllegalArgumentException naming the scheme and those available when no provider handles it (s3 needs
     *                                  the orchestrator-awsbatch module on the class path)
     */
    public static ArtifactStore open(URI uri, Map<String, String> settings) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("artifacts: '" + uri + "' has no scheme; expected file:///path or s3://bucket/prefix");
        }
        for (ArtifactStoreProvider p : ServiceLoader.load(ArtifactStoreProvider.class)) {
            if (p.scheme().equalsIgnoreCase(scheme)) {
                return p.open(uri, settings);
            }
        }
        throw new IllegalArgumentException("artifacts: no artifact store for scheme '" + scheme + "' on the class path"
                + ("s3".equalsIgnoreCase(scheme) ? " (s3 needs the orchestrator-awsbatch module)" : "")
                + "; available: " + String.join(", ", schemes()));
    }
}
