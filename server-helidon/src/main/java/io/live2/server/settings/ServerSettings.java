package io.live2.server.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the server is configured with, resolved and validated by {@link SettingsLoader} (defaults ← config
 * file ← environment ← command-line flags). docs/server.md documents each field.
 *
 * @param mode               "dev" (defaults allowed) or "live" (production: refuses default or test secrets)
 * @param environment        dev | staging | prod: the first segment of every artifact prefix
 * @param dataDir            where the embedded database, the local orchestrator's state and file artifacts live
 * @param databaseUrl        jdbc:h2:… (embedded) or jdbc:postgresql://…
 * @param redisUrl           redis://host:port, or null for the in-process rate limiter and progress bus
 * @param orchestrator       local | awsbatch
 * @param orchestratorConfig settings passed to the orchestrator provider (see its documentation)
 * @param artifacts          artifact store URI (file:///… or s3://bucket/prefix)
 * @param publicUrl          the URL clients reach the server at (for Location headers and worker callbacks); null:
 *                           http://host:port
 * @param corsOrigins        origins allowed to call the API from a browser (none by default)
 */
public record ServerSettings(String mode, String environment, String host, int port, Path dataDir,
                             String databaseUrl, String databaseUser, Secret databasePassword, int databasePoolSize,
                             String redisUrl, String orchestrator, Map<String, String> orchestratorConfig, URI artifacts,
                             Secret jwtSecret, Secret callbackSecret, Secret stripeSecretKey, String publicUrl,
                             List<String> corsOrigins, Limits limits, Jobs jobs) {

    public boolean live() {
        return "live".equals(mode);
    }

    /** The base URL clients use. */
    public String baseUrl(int boundPort) {
        return publicUrl != null ? publicUrl : "http://" + host + ":" + boundPort;
    }

    /**
     * @param maxBodyBytes          request bodies larger than this are refused with 413
     * @param keyPerMinute          requests per minute per API key or signed-in user
     * @param ipPerMinute           requests per minute per client address on routes without authentication
     * @param loginPerMinute        login attempts per minute per email address
     * @param sseConnectionsPerUser open event streams per user
     */
    public record Limits(int maxBodyBytes, int keyPerMinute, int ipPerMinute, int loginPerMinute, int sseConnectionsPerUser) {
    }

    /**
     * @param maxRuntimeSeconds   a job's wall-clock limit (the billing tiers lower it)
     * @param vcpus               threads a job runs with
     * @param memoryMib           memory requested from the orchestrator
     * @param checkpointEvery     steps between checkpoints uploaded to the store (what a restart resumes from)
     * @param localWorkers        jobs the local orchestrator runs at once
     * @param reconcileSeconds    how often non-final jobs are compared with the orchestrator
     * @param artifactUrlSeconds  how long signed artifact URLs stay valid
     */
    public record Jobs(long maxRuntimeSeconds, int vcpus, int memoryMib, long checkpointEvery, int localWorkers,
                       int reconcileSeconds, int artifactUrlSeconds) {
    }
}
