package io.live2.jobs;

import java.net.URI;
import java.util.Map;

/** ServiceLoader entry for an artifact store, chosen by URI scheme ("file", "s3"). */
public interface ArtifactStoreProvider {
    String scheme();

    /** Opens the store at the URI (file:///path or s3://bucket/prefix); settings carry e.g. an endpoint override. */
    ArtifactStore open(URI uri, Map<String, String> settings);
}
