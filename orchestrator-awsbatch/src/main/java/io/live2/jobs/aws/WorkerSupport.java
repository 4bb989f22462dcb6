package io.live2.jobs.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code live worker} needs to run inside a Batch container started by {@link BatchOrchestrator}: the spec URI
 * of an array child, the spec's key in the artifact store, and the store settings from the container's environment.
 */
public final class WorkerSupport {
    /** The placeholder a sweep's {@code --spec} carries. */
    public static final String INDEX_PLACEHOLDER = "{index}";

    private WorkerSupport() {
    }

    /**
     * Replaces {@code {index}} in a {@code --spec} value with LIVE_ARRAY_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX
     * (both default 0: a wave of one is a plain job); a value without the placeholder is returned unchanged.
     */
    public static String resolveSpec(String spec, Map<String, String> env) {
        if (!spec.contains(INDEX_PLACEHOLDER)) {
            return spec;
        }
        long index = number(env, "LIVE_ARRAY_INDEX_OFFSET") + number(env, "AWS_BATCH_JOB_ARRAY_INDEX");
        return spec.replace(INDEX_PLACEHOLDER, Long.toString(index));
    }

    /** The key of {@code uri} in the store at {@code artifacts} (s3://bucket/root + "/" + key), if it is under it. */
    public static Optional<String> keyUnder(String artifacts, String uri) {
        String root = artifacts.endsWith("/") ? artifacts : artifacts + "/";
        return uri.startsWith(root) && uri.length() > root.length() ? Optional.of(uri.substring(root.length())) : Optional.empty();
    }

    /** Store settings from the environment: endpoint from LIVE_ARTIFACTS_ENDPOINT, region from AWS_REGION. */
    public static Map<String, String> storeSettings(Map<String, String> env) {
        Map<String, String> s = new HashMap<>();
        if (env.get("LIVE_ARTIFACTS_ENDPOINT") != null && !env.get("LIVE_ARTIFACTS_ENDPOINT").isBlank()) {
            s.put("endpoint", env.get("LIVE_ARTIFACTS_ENDPOINT"));
        }
        if (env.get("AWS_REGION") != null && !env.get("AWS_REGION").isBlank()) {
            s.put("region", env.get("AWS_REGION"));
        }
        return s;
    }

    private static long number(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new IllegalArgumentException(name + ": " + n + " is negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a number");
        }
    }
}
