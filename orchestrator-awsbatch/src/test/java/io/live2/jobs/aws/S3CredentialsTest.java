package io.live2.jobs.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * s3:// without credentials (issue 11: `live worker` printed the SDK's 1,500-character account of every provider it
 * tried): opening the store says in one sentence what is missing and how to provide it.
 */
class S3CredentialsTest {
    @Test
    void missingCredentialsAreOneSentence() {
        String sdkDump = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), "
                + "WebIdentityTokenCredentialsProvider(), ProfileCredentialsProvider(...), ContainerCredentialsProvider(),"
                + " InstanceProfileCredentialsProvider()]) : [...]".repeat(4);
        AwsSettings none = AwsSettings.from(Map.of("region", "eu-central-1"))
                .withCredentials(() -> {
                    throw SdkClientException.create(sdkDump);
                });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new S3ArtifactStore(URI.create("s3://my-bucket/runs"), Map.of(), none));
        String m = e.getMessage();
        assertTrue(m.startsWith("no AWS credentials for s3://my-bucket:"), m);
        assertTrue(m.contains("AWS_ACCESS_KEY_ID") && m.contains("role"), m);
        assertFalse(m.contains("\n") || m.contains("Provider"), m);
        assertTrue(m.length() < 250, m.length() + " characters");
    }
}
