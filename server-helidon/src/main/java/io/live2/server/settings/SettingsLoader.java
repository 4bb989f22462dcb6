package io.live2.server.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.server.http.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@link ServerSettings}: built-in defaults, then the JSON config file, then LIVE_* environment variables,
 * then command-line flags. Secrets come only from the environment or from files named in the config (never from
 * the config file itself, which may sit in a repository). In dev mode missing secrets are generated once and kept
 * under data_dir/secrets (mode 600); in live mode a missing, short, default or test secret, or a Stripe test key,
 * stops the start with a message naming it.
 */
public final class SettingsLoader {
    private static final Set<String> TOP = Set.of("mode", "environment", "host", "port", "data_dir", "database", "redis_url",
            "orchestrator", "orchestrator_settings", "artifacts", "public_url", "cors_origins", "jwt_secret_file",
            "callback_secret_file", "stripe_secret_key_file", "limits", "jobs", "billing");
    private static final Set<String> DATABASE = Set.of("url", "user", "password_file", "pool_size");
    private static final Set<String> LIMITS = Set.of("max_body_bytes", "key_per_minute", "ip_per_minute", "login_per_minute",
            "sse_connections_per_user", "sse_connections_total");
    private static final Set<String> JOBS = Set.of("max_runtime_seconds", "vcpus", "memory_mib", "checkpoint_every",
            "local_workers", "reconcile_seconds", "artifact_url_seconds");
    private static final Set<String> BILLING = Set.of("default_tier", "past_due_grace_hours", "calibration_file",
            "instance_type", "safety_factor", "stripe_webhook_secret_file", "stripe_api_base", "checkout_success_url",
            "checkout_cancel_url", "portal_return_url");
    /** Values that must never protect a live deployment (defaults of examples, test fixtures). */
    private static final List<String> UNSAFE_MARKERS = List.of("test", "default", "changeme", "change-me", "secret", "example", "password");

    private final Map<String, String> env;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private SettingsLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param configFile optional JSON config file
     * @param env        the process environment (tests pass their own)
     * @param flags      command-line overrides keyed like the config file ("port", "data_dir")
     */
    public static ServerSettings load(Path configFile, Map<String, String> env, Map<String, Object> flags) {
        SettingsLoader l = new SettingsLoader(env);
        l.defaults();
        if (configFile != null) {
            l.file(configFile);
        }
        l.environment();
        if (flags != null) {
            flags.forEach((k, v) -> {
                if (v != null) {
                    l.values.put(k, v);
                }
            });
        }
        return l.resolve();
    }

    private void defaults() {
        values.put("mode", "dev");
        values.put("environment", "dev");
        values.put("host", "127.0.0.1");
        values.put("port", 8080);
        values.put("data_dir", "live-data");
        values.put("database.pool_size", 10);
        values.put("orchestrator", "local");
        values.put("limits.max_body_bytes", 1_048_576);
        values.put("limits.key_per_minute", 600);
        values.put("limits.ip_per_minute", 120);
        values.put("limits.login_per_minute", 10);
        values.put("limits.sse_connections_per_user", 20);
        values.put("limits.sse_connections_total", defaultStreamCap(Runtime.getRuntime().maxMemory()));
        values.put("jobs.max_runtime_seconds", 21_600L);
        values.put("jobs.vcpus", 1);
        values.put("jobs.memory_mib", 2048);
        values.put("jobs.checkpoint_every", 10_000L);
        values.put("jobs.local_workers", 2);
        values.put("jobs.reconcile_seconds", 30);
        values.put("jobs.artifact_url_seconds", 3600);
        values.put("billing.past_due_grace_hours", 72);
        values.put("billing.instance_type", "c7i.2xlarge");
        values.put("billing.safety_factor", 1.25);
    }

    private void file(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException("--config: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SettingsException("--config: " + file + " must hold a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.endsWith("secret") || k.endsWith("password") || k.endsWith("secret_key")) {
                throw new SettingsException(k + ": secrets are not read from the config file; set the environment variable "
                        + "or name a file with " + k + "_file");
            }
            if (!TOP.contains(k)) {
                throw new SettingsException("unknown setting '" + k + "' in " + file + "; known: " + String.join(", ", new java.util.TreeSet<>(TOP)));
            }
            switch (k) {
                case "database" -> nested(k, v, DATABASE, file);
                case "limits" -> nested(k, v, LIMITS, file);
                case "jobs" -> nested(k, v, JOBS, file);
                case "billing" -> billing(v, file);
                case "orchestrator_settings" -> {
                    if (!v.isObject()) {
                        throw new SettingsException("orchestrator_settings: expected an object of strings");
                    }
                    Map<String, String> m = new LinkedHashMap<>();
                    v.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
                    values.put(k, m);
                }
                case "cors_origins" -> {
                    if (!v.isArray()) {
                        throw new SettingsException("cors_origins: expected an array of origins");
                    }
                    List<String> o = new ArrayList<>();
                    v.forEach(x -> o.add(x.asText()));
                    values.put(k, o);
                }
                default -> values.put(k, scalar(k, v));
            }
        }
    }

    private void nested(String prefix, JsonNode v, Set<String> allowed, Path file) {
        if (!v.isObject()) {
            throw new SettingsException(prefix + ": expected an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("password")) {
                throw new SettingsException(prefix + ".password: secrets are not read from the config file; set LIVE_DB_PASSWORD or " + prefix + ".password_file");
            }
            if (!allowed.contains(e.getKey())) {
                throw new SettingsException("unknown setting '" + prefix + "." + e.getKey() + "' in " + file + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            values.put(prefix + "." + e.getKey(), scalar(prefix + "." + e.getKey(), e.getValue()));
        }
    }

    /** The billing object: scalars, plus "tiers" and "prices" objects flattened to TierCatalog/PriceTable keys. */
    private void billing(JsonNode v, Path file) {
        if (!v.isObject()) {
            throw new SettingsException("billing: expected an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("tiers") || k.equals("prices")) {
                Map<String, String> flat = overrides("billing." + k);
                flatten("billing." + k, "", e.getValue(), flat);
            } else if (k.equals("stripe_webhook_secret")) {
                throw new SettingsException("billing.stripe_webhook_secret: secrets are not read from the config file; set "
                        + "LIVE_STRIPE_WEBHOOK_SECRET or billing.stripe_webhook_secret_file");
            } else if (BILLING.contains(k)) {
                values.put("billing." + k, scalar("billing." + k, e.getValue()));
            } else {
                throw new SettingsException("unknown setting 'billing." + k + "' in " + file + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(BILLING)) + ", prices, tiers");
            }
        }
    }

    private void flatten(String where, String prefix, JsonNode v, Map<String, String> into) {
        if (!v.isObject()) {
            throw new SettingsException(where + (prefix.isEmpty() ? "" : "." + prefix) + ": expected an object");
        }
        v.fields().forEachRemaining(f -> {
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue().isObject()) {
                flatten(where, key, f.getValue(), into);
            } else if (f.getValue().isArray()) {
                List<String> items = new ArrayList<>();
                f.getValue().forEach(x -> items.add(x.asText()));
                into.put(key, String.join(",", items));
            } else {
                into.put(key, f.getValue().asText());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> overrides(String key) {
        return (Map<String, String>) values.computeIfAbsent(key, x -> new LinkedHashMap<String, String>());
    }

    private static Object scalar(String k, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw new SettingsException(k + ": expected a string or an integer, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private void environment() {
        envTo("LIVE_MODE", "mode");
        envTo("LIVE_ENVIRONMENT", "environment");
        envTo("LIVE_HOST", "host");
        envTo("LIVE_PORT", "port");
        envTo("LIVE_DATA", "data_dir");
        envTo("LIVE_DB_URL", "database.url");
        envTo("LIVE_DB_USER", "database.user");
        envTo("LIVE_DB_POOL_SIZE", "database.pool_size");
        envTo("LIVE_REDIS_URL", "redis_url");
        envTo("LIVE_ORCHESTRATOR", "orchestrator");
        envTo("LIVE_ARTIFACTS", "artifacts");
        envTo("LIVE_PUBLIC_URL", "public_url");
        envTo("LIVE_BILLING_DEFAULT_TIER", "billing.default_tier");
        envTo("LIVE_STRIPE_API_BASE", "billing.stripe_api_base");
        // LIVE_BILLING_TIER_RESEARCH_STRIPE_PRICE=price_… → tiers "research.stripe_price"
        env.forEach((k, v) -> {
            if (k.startsWith("LIVE_BILLING_TIER_")) {
                String rest = k.substring("LIVE_BILLING_TIER_".length()).toLowerCase(Locale.ROOT);
                int cut = rest.indexOf('_');
                if (cut <= 0) {
                    throw new SettingsException(k + ": expected LIVE_BILLING_TIER_<TIER>_<FIELD>, e.g. LIVE_BILLING_TIER_RESEARCH_STRIPE_PRICE");
                }
                overrides("billing.tiers").put(rest.substring(0, cut) + "." + rest.substring(cut + 1), v.trim());
            }
        });
        String cors = env.get("LIVE_CORS_ORIGINS");
        if (cors != null) {
            values.put("cors_origins", List.of(cors.split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> orch = new LinkedHashMap<>((Map<String, String>) values.getOrDefault("orchestrator_settings", Map.of()));
        env.forEach((k, v) -> {
            if (k.startsWith("LIVE_ORCHESTRATOR_")) {
                orch.put(k.substring("LIVE_ORCHESTRATOR_".length()).toLowerCase(Locale.ROOT), v);
            }
        });
        values.put("orchestrator_settings", orch);
    }

    private void envTo(String var, String key) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) {
            values.put(key, v.trim());
        }
    }

    private ServerSettings resolve() {
        String mode = oneOf("mode", List.of("dev", "live"));
        String environment = oneOf("environment", List.of("dev", "staging", "prod"));
        String host = text("host");
        int port = (int) integer("port", 0, 65_535);
        Path data = Path.of(text("data_dir")).toAbsolutePath().normalize();
        String dbUrl = values.containsKey("database.url") ? text("database.url")
                : "jdbc:h2:file:" + data.resolve("db").resolve("live") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // H2 writes commits to the file up to 500 ms late by default: a job answered 201 was lost to a
                // kill -9 (KillRestartTest). WRITE_DELAY=0 writes each commit at once.
                + ";WRITE_DELAY=0"
                // admissions and webhook handling lock the user's row; H2's default wait is 1 s, short under a burst
                + ";LOCK_TIMEOUT=10000";
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new SettingsException("database.url: '" + dbUrl + "' is not supported; allowed jdbc:h2:… or jdbc:postgresql://…");
        }
        String dbUser = values.containsKey("database.user") ? text("database.user") : (dbUrl.startsWith("jdbc:h2:") ? "sa" : null);
        Secret dbPassword = secret("LIVE_DB_PASSWORD", "database.password_file", false, mode, data, null);
        int pool = (int) integer("database.pool_size", 1, 200);
        String redis = values.containsKey("redis_url") ? text("redis_url") : null;
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw new SettingsException("redis_url: '" + redis + "' must start with redis:// or rediss://");
        }
        String orchestrator = oneOf("orchestrator", List.of("local", "awsbatch"));
        @SuppressWarnings("unchecked")
        Map<String, String> orchSettings = Map.copyOf((Map<String, String>) values.getOrDefault("orchestrator_settings", Map.of()));
        URI artifacts;
        try {
            artifacts = values.containsKey("artifacts") ? URI.create(text("artifacts")) : data.resolve("artifacts").toUri();
        } catch (IllegalArgumentException e) {
            throw new SettingsException("artifacts: '" + values.get("artifacts") + "' is not a URI");
        }
        if (artifacts.getScheme() == null || !List.of("file", "s3").contains(artifacts.getScheme())) {
            throw new SettingsException("artifacts: '" + artifacts + "' must be a file:// or s3:// URI");
        }
        String publicUrl = values.containsKey("public_url") ? text("public_url").replaceAll("/+$", "") : null;
        @SuppressWarnings("unchecked")
        List<String> cors = List.copyOf((List<String>) values.getOrDefault("cors_origins", List.of()));
        for (String o : cors) {
            if (!o.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new SettingsException("cors_origins: '" + o + "' is not an origin like https://app.example.org");
            }
        }
        Secret jwt = secret("LIVE_JWT_SECRET", "jwt_secret_file", true, mode, data, "jwt");
        Secret callback = secret("LIVE_CALLBACK_SECRET", "callback_secret_file", true, mode, data, "callback");
        Secret stripe = secret("LIVE_STRIPE_SECRET_KEY", "stripe_secret_key_file", false, mode, data, null);
        if ("live".equals(mode)) {
            refuseUnsafe("jwt secret", jwt);
            refuseUnsafe("callback secret", callback);
            if (jwt.equals(callback)) {
                throw new SettingsException("mode live: the jwt and callback secrets must differ");
            }
            if (stripe != null && (stripe.text().startsWith("sk_test_") || stripe.text().startsWith("rk_test_"))) {
                throw new SettingsException("mode live: the Stripe key from " + stripe.source() + " is a test-mode key (sk_test_…); "
                        + "a live deployment needs a live key (sk_live_…)");
            }
        }
        ServerSettings.Limits limits = new ServerSettings.Limits(
                (int) integer("limits.max_body_bytes", 1024, 16 * 1024 * 1024),
                (int) integer("limits.key_per_minute", 1, 1_000_000),
                (int) integer("limits.ip_per_minute", 1, 1_000_000),
                (int) integer("limits.login_per_minute", 1, 10_000),
                (int) integer("limits.sse_connections_per_user", 1, 10_000),
                (int) integer("limits.sse_connections_total", 1, 1_000_000));
        ServerSettings.Jobs jobs = new ServerSettings.Jobs(
                integer("jobs.max_runtime_seconds", 1, 604_800),
                (int) integer("jobs.vcpus", 1, 256),
                (int) integer("jobs.memory_mib", 256, 1_048_576),
                integer("jobs.checkpoint_every", 1, 1_000_000_000L),
                (int) integer("jobs.local_workers", 1, 1024),
                (int) integer("jobs.reconcile_seconds", 1, 86_400),
                (int) integer("jobs.artifact_url_seconds", 60, 7 * 86_400));
        return new ServerSettings(mode, environment, host, port, data, dbUrl, dbUser, dbPassword, pool, redis, orchestrator,
                orchSettings, artifacts, jwt, callback, stripe, publicUrl, cors, limits, jobs, billing(mode, data));
    }

    private ServerSettings.Billing billing(String mode, Path data) {
        boolean live = "live".equals(mode);
        String defaultTier = values.containsKey("billing.default_tier") ? text("billing.default_tier") : (live ? "none" : "hobby");
        if (live && !defaultTier.equals("none")) {
            throw new SettingsException("billing.default_tier: mode live grants no tier without a subscription; allowed none (got '"
                    + defaultTier + "')");
        }
        Map<String, String> tiers = overrides("billing.tiers");
        Map<String, String> prices = overrides("billing.prices");
        io.live2.billing.TierCatalog catalog;
        try {
            catalog = io.live2.billing.TierCatalog.load(tiers);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage().startsWith("billing.") ? e.getMessage() : "billing.tiers: " + e.getMessage());
        }
        if (!defaultTier.equals("none")) {
            try {
                catalog.get(defaultTier);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("billing.default_tier: " + e.getMessage() + " (or none)");
            }
        }
        long graceHours = integer("billing.past_due_grace_hours", 0, 24 * 60);
        Path calibration = values.containsKey("billing.calibration_file") ? Path.of(text("billing.calibration_file")) : null;
        String instanceType = text("billing.instance_type");
        double safety = decimal("billing.safety_factor", 1.0, 10.0);
        Secret webhook = secret("LIVE_STRIPE_WEBHOOK_SECRET", "billing.stripe_webhook_secret_file", false, mode, data, null);
        if (live && webhook != null && webhook.length() < 16) {
            throw new SettingsException("mode live: the Stripe webhook secret from " + webhook.source() + " is too short to be one (whsec_…)");
        }
        String apiBase = optionalUrl("billing.stripe_api_base");
        return new ServerSettings.Billing(defaultTier.equals("none") ? null : defaultTier, java.time.Duration.ofHours(graceHours),
                tiers, prices, calibration, instanceType, safety, webhook, apiBase, optionalUrl("billing.checkout_success_url"),
                optionalUrl("billing.checkout_cancel_url"), optionalUrl("billing.portal_return_url"));
    }

    private String optionalUrl(String key) {
        if (!values.containsKey(key)) {
            return null;
        }
        String v = text(key);
        if (!v.matches("https?://\\S+")) {
            throw new SettingsException(key + ": '" + v + "' is not an http(s) URL");
        }
        return v;
    }

    private double decimal(String key, double min, double max) {
        Object v = values.get(key);
        double d;
        try {
            d = v instanceof Number num ? num.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key + ": '" + v + "' is not a number; allowed " + min + ".." + max);
        }
        if (!(d >= min && d <= max)) {
            throw new SettingsException(key + ": " + d + " is out of range; allowed " + min + ".." + max);
        }
        return d;
    }

    private static void refuseUnsafe(String what, Secret s) {
        if (s.length() < 32) {
            throw new SettingsException("mode live: the " + what + " from " + s.source() + " is " + s.length()
                    + " bytes; at least 32 random bytes are required");
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        for (String m : UNSAFE_MARKERS) {
            if (lower.contains(m)) {
                throw new SettingsException("mode live: the " + what + " from " + s.source() + " looks like a default or test value (contains '"
                        + m + "'); generate one, e.g. `openssl rand -hex 32`");
            }
        }
        if (s.source().equals("generated")) {
            throw new SettingsException("mode live: the " + what + " was generated for development; set it in the environment or a file");
        }
    }

    /**
     * A secret from the environment variable, or a file named by {@code VAR_FILE} or the config key. In dev mode a
     * missing required secret is generated and kept in data_dir/secrets/NAME; in live mode it is an error.
     */
    private Secret secret(String var, String fileKey, boolean required, String mode, Path data, String devName) {
        String direct = env.get(var);
        if (direct != null && !direct.isBlank()) {
            return Secret.of(direct.trim(), var);
        }
        String file = env.get(var + "_FILE");
        if (file == null && values.containsKey(fileKey)) {
            file = text(fileKey);
        }
        if (file != null) {
            try {
                return Secret.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).trim(), "file " + file);
            } catch (IOException e) {
                throw new SettingsException(var + "_FILE: cannot read " + file + ": " + e.getMessage());
            }
        }
        if (!required) {
            return null;
        }
        if ("live".equals(mode)) {
            throw new SettingsException("mode live: " + var + " (or " + var + "_FILE) is not set; generate one, e.g. `openssl rand -hex 32`");
        }
        return generated(data, devName);
    }

    private static Secret generated(Path data, String name) {
        Path f = data.resolve("secrets").resolve(name);
        try {
            if (Files.isRegularFile(f)) {
                return new Secret(HexFormat.of().parseHex(Files.readString(f).trim()), "generated");
            }
            Files.createDirectories(f.getParent());
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            Path tmp = Files.createTempFile(f.getParent(), "." + name, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data dir's own permissions protect it
            }
            Files.writeString(tmp, HexFormat.of().formatHex(b));
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Secret(b, "generated");
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("data_dir: cannot keep the generated " + name + " secret in " + f + ": " + e.getMessage());
        }
    }

    private String text(String key) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new SettingsException(key + ": missing; a value is required");
        }
        return v.toString();
    }

    private String oneOf(String key, List<String> allowed) {
        String v = text(key);
        if (!allowed.contains(v)) {
            throw new SettingsException(key + ": '" + v + "' is not allowed; allowed " + String.join(", ", allowed));
        }
        return v;
    }

    /**
     * The default cap on open event streams of all users together: one per 128 KiB of the heap the JVM may use. `live
     * drill sse` measured about 66 KB of live heap a stream; twice that leaves the rest of the server its room, so
     * the streams alone cannot exhaust the heap (1 GiB: 8,192 streams).
     */
    static int defaultStreamCap(long maxHeapBytes) {
        return (int) Math.max(100, Math.min(1_000_000, maxHeapBytes / (128 * 1024)));
    }

    private long integer(String key, long min, long max) {
        Object v = values.get(key);
        long n;
        try {
            n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key + ": '" + v + "' is not an integer; allowed " + min + ".." + max);
        }
        if (n < min || n > max) {
            throw new SettingsException(key + ": " + n + " is out of range; allowed " + min + ".." + max);
        }
        return n;
    }

    /** The settings as a JSON tree without secret values (for the start-up log). */
    public static ObjectNode describe(ServerSettings s) {
        ObjectNode n = Json.object();
        n.put("mode", s.mode()).put("environment", s.environment()).put("host", s.host()).put("port", s.port())
                .put("data_dir", s.dataDir().toString()).put("database", s.databaseUrl().replaceAll("password=[^;&]*", "password=***"))
                .put("redis", s.redisUrl() == null ? "in-process" : s.redisUrl().replaceAll("//[^@/]*@", "//***@"))
                .put("orchestrator", s.orchestrator()).put("artifacts", s.artifacts().toString());
        return n;
    }
}
