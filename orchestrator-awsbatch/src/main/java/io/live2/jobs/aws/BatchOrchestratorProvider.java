package io.live2.jobs.aws;

import io.live2.jobs.ArtifactStore;
import io.live2.jobs.ArtifactStoreProvider;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpecJson;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.OrchestratorProvider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import software.amazon.awssdk.services.batch.BatchClient;

/** ServiceLoader entry "awsbatch"; settings as in {@link BatchOrchestrator}. */
public final class BatchOrchestratorProvider implements OrchestratorProvider {
    @Override
    public String name() {
        return "awsbatch";
    }

    @Override
    public Orchestrator create(Map<String, String> settings) {
        return create(settings, AwsSettings.from(settings), System::getenv, defaultSpecJson());
    }

    /**
     * @param env      reads the API's environment (the master callback secret is in the variable named by
     *                 callback_secret_ref)
     * @param specJson JobSpec → JSON
     */
    public static BatchOrchestrator create(Map<String, String> settings, AwsSettings aws, Function<String, String> env,
                                           Function<JobSpec, String> specJson) {
        String spot = required(settings, "job_queue_spot");
        String onDemand = required(settings, "job_queue_on_demand");
        // optional: research-tier jobs (capacity spot_fallback) go here; without it they share the spot queue
        String spotFallback = blankToNull(settings.get("job_queue_spot_fallback"));
        String definition = required(settings, "job_definition");
        String artifacts = required(settings, "artifacts_uri");
        URI artifactsUri;
        try {
            artifactsUri = URI.create(artifacts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifacts_uri: '" + artifacts + "' is not a URI", e);
        }
        if (artifactsUri.getScheme() == null) {
            throw new IllegalArgumentException("artifacts_uri: '" + artifacts + "' needs a scheme (s3://bucket/prefix or file:///dir)");
        }
        String callbackUrl = blankToNull(settings.get("callback_url"));
        if (callbackUrl != null && !callbackUrl.startsWith("https://") && !callbackUrl.startsWith("http://")) {
            throw new IllegalArgumentException("callback_url: '" + callbackUrl + "' must be an http(s) URL");
        }
        byte[] master = null;
        String ref = blankToNull(settings.get("callback_secret_ref"));
        if (callbackUrl != null && ref == null) {
            throw new IllegalArgumentException("callback_secret_ref: required with callback_url (the name of the environment variable holding the secret)");
        }
        if (ref != null) {
            if (!ref.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("callback_secret_ref: '" + ref + "' must be an environment variable NAME, not a secret");
            }
            String secret = env.apply(ref);
            if (secret == null || secret.length() < 32) {
                throw new IllegalArgumentException("callback_secret_ref: environment variable " + ref + " is unset or shorter than 32 characters");
            }
            master = secret.getBytes(StandardCharsets.UTF_8);
        }
        int attempts = AwsSettings.intSetting(settings, "retry_attempts", 5, 1, 10);
        long grace = AwsSettings.longSetting(settings, "timeout_grace_seconds", 300, 0, 86_400);
        String stateDir = blankToNull(settings.get("state_dir"));
        String artifactsEndpoint = blankToNull(settings.get("artifacts_endpoint"));

        Map<String, String> storeSettings = new HashMap<>();
        if (artifactsEndpoint != null) {
            storeSettings.put("endpoint", artifactsEndpoint);
        }
        if (settings.get("region") != null) {
            storeSettings.put("region", settings.get("region"));
        }
        ArtifactStore store = openStore(artifactsUri, storeSettings, aws);

        var builder = BatchClient.builder().region(aws.region()).credentialsProvider(aws.credentials()).httpClient(AwsSettings.httpClient());
        if (aws.endpoint() != null) {
            builder.endpointOverride(aws.endpoint());
        }
        var config = new BatchOrchestrator.Config(spot, spotFallback, onDemand, definition, artifactsUri, artifactsEndpoint, callbackUrl,
                master, attempts, grace, stateDir == null ? null : Path.of(stateDir));
        return new BatchOrchestrator(config, builder.build(), store, specJson, Clock.systemUTC()).withCost(JobCost.from(settings));
    }

    static ArtifactStore openStore(URI uri, Map<String, String> storeSettings, AwsSettings aws) {
        if ("s3".equals(uri.getScheme())) {
            Map<String, String> s = new HashMap<>(storeSettings);
            AwsSettings storeAws = new AwsSettings(aws.region(), s.containsKey("endpoint") ? URI.create(s.get("endpoint")) : null, aws.credentials());
            return new S3ArtifactStore(uri, s, storeAws);
        }
        for (ArtifactStoreProvider p : ServiceLoader.load(ArtifactStoreProvider.class)) {
            if (p.scheme().equals(uri.getScheme())) {
                return p.open(uri, storeSettings);
            }
        }
        throw new IllegalArgumentException("artifacts_uri: no artifact store for scheme '" + uri.getScheme() + "'");
    }

    /** The canonical spec JSON the worker reads (orchestrator-spi's JobSpecJson). */
    static Function<JobSpec, String> defaultSpecJson() {
        return JobSpecJson::toJson;
    }

    private static String required(Map<String, String> settings, String key) {
        String v = blankToNull(settings.get(key));
        if (v == null) {
            throw new IllegalArgumentException(key + ": required for the awsbatch orchestrator");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
