package io.live2.jobs.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Connection settings shared by the S3 store and the Batch orchestrator: region, an optional endpoint override (an
 * S3-compatible server, a test fake) and the credentials. Credentials never come from settings: the SDK's default chain
 * (environment, web identity, container or instance role) unless a caller passes a provider programmatically.
 *
 * @param endpoint null for the real AWS endpoint of the region
 */
public record AwsSettings(Region region, URI endpoint, AwsCredentialsProvider credentials) {

    /** region: settings "region", else $AWS_REGION, else us-east-1; endpoint: settings "endpoint" (optional). */
    public static AwsSettings from(Map<String, String> settings) {
        String region = Optional.ofNullable(settings.get("region")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(s -> !s.isBlank()))
                .orElse("us-east-1");
        if (!region.matches("[a-z0-9-]{3,32}")) {
            throw new IllegalArgumentException("region: '" + region + "' is not an AWS region name (e.g. eu-central-1)");
        }
        URI endpoint = null;
        String e = settings.get("endpoint");
        if (e != null && !e.isBlank()) {
            try {
                endpoint = URI.create(e.trim());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("endpoint: '" + e + "' is not a URI", ex);
            }
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException("endpoint: '" + e + "' must be an http:// or https:// URL");
            }
        }
        return new AwsSettings(Region.of(region), endpoint, DefaultCredentialsProvider.builder().build());
    }

    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(region, endpoint, provider);
    }

    static SdkHttpClient httpClient() {
        return Apache5HttpClient.builder().build();
    }

    static int intSetting(Map<String, String> settings, String key, int fallback, int min, int max) {
        long v = longSetting(settings, key, fallback, min, max);
        return (int) v;
    }

    static long longSetting(Map<String, String> settings, String key, long fallback, long min, long max) {
        String s = settings.get(key);
        if (s == null || s.isBlank()) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not an integer");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + ": " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }
}
