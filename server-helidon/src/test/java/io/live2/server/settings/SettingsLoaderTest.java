package io.live2.server.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {
    static final String GOOD_JWT = "9f0c2b7e4a1d8c6b5e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";
    static final String GOOD_CALLBACK = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";

    static Map<String, String> env(Path data, String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("LIVE_DATA", data.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void embeddedDefaultsNeedNothing(@TempDir Path data) {
        ServerSettings s = SettingsLoader.load(null, env(data), Map.of());
        assertEquals("dev", s.mode());
        assertEquals(8080, s.port());
        assertEquals("127.0.0.1", s.host());
        assertTrue(s.databaseUrl().startsWith("jdbc:h2:file:" + data));
        assertNull(s.redisUrl());
        assertEquals("local", s.orchestrator());
        assertEquals("file", s.artifacts().getScheme());
        assertTrue(s.corsOrigins().isEmpty());
        // generated once and kept: the same secret on the next start, so sessions survive a restart
        assertEquals(s.jwtSecret(), SettingsLoader.load(null, env(data), Map.of()).jwtSecret());
        assertFalse(s.jwtSecret().equals(s.callbackSecret()));
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFile(@TempDir Path data) throws Exception {
        Path f = data.resolve("c.json");
        Files.writeString(f, "{\"port\": 9000, \"host\": \"0.0.0.0\", \"limits\": {\"key_per_minute\": 5}}");
        ServerSettings s = SettingsLoader.load(f, env(data, "LIVE_PORT", "9100"), Map.of("port", 9200));
        assertEquals(9200, s.port());
        assertEquals("0.0.0.0", s.host());
        assertEquals(5, s.limits().keyPerMinute());
        assertEquals(9100, SettingsLoader.load(f, env(data, "LIVE_PORT", "9100"), Map.of()).port());
    }

    @Test
    void badSettingsNameTheSettingAndTheRange(@TempDir Path data) throws Exception {
        assertMessage("port: 70000 is out of range; allowed 0..65535", () -> SettingsLoader.load(null, env(data, "LIVE_PORT", "70000"), Map.of()));
        assertMessage("orchestrator: 'k8s' is not allowed; allowed local, awsbatch",
                () -> SettingsLoader.load(null, env(data, "LIVE_ORCHESTRATOR", "k8s"), Map.of()));
        Path f = data.resolve("c.json");
        Files.writeString(f, "{\"prot\": 1}");
        assertMessage("unknown setting 'prot'", () -> SettingsLoader.load(f, env(data), Map.of()));
        Files.writeString(f, "{\"jwt_secret\": \"abc\"}");
        assertMessage("jwt_secret: secrets are not read from the config file", () -> SettingsLoader.load(f, env(data), Map.of()));
        assertMessage("redis_url: 'localhost:6379' must start with redis://",
                () -> SettingsLoader.load(null, env(data, "LIVE_REDIS_URL", "localhost:6379"), Map.of()));
        assertMessage("database.url: 'jdbc:mysql://x' is not supported",
                () -> SettingsLoader.load(null, env(data, "LIVE_DB_URL", "jdbc:mysql://x"), Map.of()));
    }

    @Test
    void liveModeRefusesMissingDefaultTestAndSandboxSecrets(@TempDir Path data) {
        assertMessage("mode live: LIVE_JWT_SECRET (or LIVE_JWT_SECRET_FILE) is not set",
                () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live"), Map.of()));
        assertMessage("at least 32 random bytes",
                () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", "short", "LIVE_CALLBACK_SECRET", GOOD_CALLBACK), Map.of()));
        assertMessage("looks like a default or test value",
                () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", "test-secret-test-secret-test-secret-1234",
                        "LIVE_CALLBACK_SECRET", GOOD_CALLBACK), Map.of()));
        assertMessage("must differ",
                () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", GOOD_JWT, "LIVE_CALLBACK_SECRET", GOOD_JWT), Map.of()));
        assertMessage("is a test-mode key",
                () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", GOOD_JWT, "LIVE_CALLBACK_SECRET", GOOD_CALLBACK,
                        "LIVE_STRIPE_SECRET_KEY", "sk_test_51abcdef"), Map.of()));
        ServerSettings ok = SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", GOOD_JWT, "LIVE_CALLBACK_SECRET", GOOD_CALLBACK,
                "LIVE_STRIPE_SECRET_KEY", "sk_live_51abcdef"), Map.of());
        assertTrue(ok.live());
        assertFalse(ok.jwtSecret().toString().contains(GOOD_JWT), "a secret never prints");
    }

    @Test
    void secretsComeFromFilesToo(@TempDir Path data) throws Exception {
        Path f = data.resolve("jwt");
        Files.writeString(f, GOOD_JWT + "\n");
        ServerSettings s = SettingsLoader.load(null, env(data, "LIVE_JWT_SECRET_FILE", f.toString()), Map.of());
        assertEquals(GOOD_JWT, s.jwtSecret().text());
        assertEquals("file " + f, s.jwtSecret().source());
    }

    @Test
    void theServerWideStreamCapFollowsTheHeapUnlessSet(@TempDir Path data) throws Exception {
        assertEquals(8_192, SettingsLoader.defaultStreamCap(1L << 30), "1 GiB of heap: one stream per 128 KiB");
        assertEquals(100, SettingsLoader.defaultStreamCap(1L << 20), "never below 100");
        assertEquals(SettingsLoader.defaultStreamCap(Runtime.getRuntime().maxMemory()),
                SettingsLoader.load(null, env(data), Map.of()).limits().sseConnectionsTotal());
        Path f = data.resolve("live.json");
        Files.writeString(f, "{\"limits\": {\"sse_connections_total\": 500}}");
        assertEquals(500, SettingsLoader.load(f, env(data), Map.of()).limits().sseConnectionsTotal());
        Files.writeString(f, "{\"limits\": {\"sse_connections_total\": 0}}");
        assertMessage("limits.sse_connections_total: 0 is out of range; allowed 1..1000000", () -> SettingsLoader.load(f, env(data), Map.of()));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        SettingsException x = assertThrows(SettingsException.class, e);
        assertTrue(x.getMessage().contains(part), () -> "expected '" + part + "' in: " + x.getMessage());
    }
}
