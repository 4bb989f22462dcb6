package io.live2.jobs.aws;

import com.adobe.testing.s3mock.S3MockApplication;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Adobe S3Mock (a real S3-protocol server, Spring Boot based) started in-process on random ports of 127.0.0.1, with a
 * bucket created at start. Every client of the tests points at it with static fake credentials: no AWS endpoint.
 */
final class S3MockServer implements AutoCloseable {
    static final String BUCKET = "live-test";
    private final S3MockApplication app;

    S3MockServer(Path root) {
        Map<String, Object> props = new HashMap<>();
        props.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_SILENT, true);
        props.put("com.adobe.testing.s3mock.store.root", root.toString());
        props.put("com.adobe.testing.s3mock.store.initial-buckets", BUCKET);
        props.put("com.adobe.testing.s3mock.store.retain-files-on-exit", false);
        props.put("server.address", "127.0.0.1");
        props.put("spring.main.banner-mode", "off");
        app = S3MockApplication.start(props);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + app.getHttpPort());
    }

    AwsSettings aws() {
        return new AwsSettings(Region.US_EAST_1, endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret-for-tests")));
    }

    @Override
    public void close() {
        app.stop();
    }
}
