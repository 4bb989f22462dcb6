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
 * @param billing            tiers, guardrails, the estimator and Stripe (docs/billing.md)
 */
public record ServerSettings(String mode, String environment, String host, int port, Path dataDir,
                             String databaseUrl, String databaseUser, Secret databasePassword, int databasePoolSize,
                             String redisUrl, String orchestrator, Map<String, String> orchestratorConfig, URI artifacts,
                             Secret jwtSecret, Secret callbackSecret, Secret stripeSecretKey, String publicUrl,
                             List<String> corsOrigins, Limits limits, Jobs jobs, Billing billing) {

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
     * @param sseConnectionsTotal   open event streams of all users together on this server
     */
    public record Limits(int maxBodyBytes, int keyPerMinute, int ipPerMinute, int loginPerMinute, int sseConnectionsPerUser,
                         int sseConnectionsTotal) {
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

    /**
     * Billing. Sandbox (mode dev) grants every new account {@code defaultTier} without payment; live mode grants
     * nothing (no active subscription: no job) and takes tiers only from Stripe.
     *
     * @param defaultTier         tier a new account starts on (dev only; null: none, the account must subscribe)
     * @param pastDueGrace        how long a past_due subscription may still start jobs
     * @param tierOverrides       "hobby.parallel_jobs" → "2", "research.stripe_price" → "price_…" (TierCatalog keys)
     * @param priceOverrides      "c7i.2xlarge.spot" → "0.12" (USD per hour; PriceTable keys)
     * @param calibrationFile     the estimator's calibration (from {@code live calibrate}); null: the bundled one
     * @param instanceType        the instance type jobs are priced on
     * @param safetyFactor        estimate cost multiplier, ≥ 1
     * @param stripeWebhookSecret the webhook endpoint's signing secret (whsec_…); null: webhooks refused
     * @param stripeApiBase       Stripe's API base URL (tests point it at a local stub); null: Stripe's
     * @param checkoutSuccessUrl  where Stripe Checkout returns after payment; null: the dashboard's billing page
     * @param checkoutCancelUrl   where Stripe Checkout returns when abandoned; null: the dashboard's billing page
     * @param portalReturnUrl     where the customer portal returns; null: the dashboard's billing page
     */
    public record Billing(String defaultTier, java.time.Duration pastDueGrace, Map<String, String> tierOverrides,
                          Map<String, String> priceOverrides, Path calibrationFile, String instanceType, double safetyFactor,
                          Secret stripeWebhookSecret, String stripeApiBase, String checkoutSuccessUrl,
                          String checkoutCancelUrl, String portalReturnUrl) {
        public Billing {
            tierOverrides = Map.copyOf(tierOverrides);
            priceOverrides = Map.copyOf(priceOverrides);
        }
    }
}
