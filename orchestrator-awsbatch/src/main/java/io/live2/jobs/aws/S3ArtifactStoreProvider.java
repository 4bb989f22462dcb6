package io.live2.jobs.aws;

import io.live2.jobs.ArtifactStore;
import io.live2.jobs.ArtifactStoreProvider;

import java.net.URI;
import java.util.Map;

/** ServiceLoader entry for {@code s3://bucket/prefix}; settings as in {@link S3ArtifactStore}. */
public final class S3ArtifactStoreProvider implements ArtifactStoreProvider {
    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public ArtifactStore open(URI uri, Map<String, String> settings) {
        return new S3ArtifactStore(uri, settings, AwsSettings.from(settings));
    }
}
