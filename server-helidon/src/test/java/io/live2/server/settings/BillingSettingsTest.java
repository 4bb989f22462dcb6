package io.live2.server.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing settings: defaults per mode, overrides from file and environment, and errors that name the key. */
class BillingSettingsTest {
    private static final String GOOD_JWT = SettingsLoaderTest.GOOD_JWT;
    private static final String GOOD_CALLBACK = SettingsLoaderTest.GOOD_CALLBACK;

    private static Map<String, String> env(Path data, String... kv) {
        return SettingsLoaderTest.env(data, kv);
    }

    @Test
    void theSandboxGrantsHobbyAndLiveModeGrantsNothing(@TempDir Path data) {
        ServerSettings dev = SettingsLoader.load(null, env(data), Map.of());
        assertEquals("hobby", dev.billing().defaultTier());
        assertEquals(Duration.ofHours(72), dev.billing().pastDueGrace());
        assertEquals(1.25, dev.billing().safetyFactor());
        ServerSettings live = SettingsLoader.load(null, env(data, "LIVE_MODE", "live", "LIVE_JWT_SECRET", GOOD_JWT,
                "LIVE_CALLBACK_SECRET", GOOD_CALLBACK), Map.of());
        assertNull(live.billing().defaultTier());
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsLoader.load(null, env(data, "LIVE_MODE", "live",
                "LIVE_JWT_SECRET", GOOD_JWT, "LIVE_CALLBACK_SECRET", GOOD_CALLBACK, "LIVE_BILLING_DEFAULT_TIER", "pro"), Map.of()));
        assertTrue(e.getMessage().startsWith("billing.default_tier:"), e.getMessage());
    }

    @Test
    void tierOverridesComeFromTheFileAndTheEnvironment(@TempDir Path data) throws Exception {
        Path file = Files.writeString(data.resolve("c.json"), "{\"billing\": {\"past_due_grace_hours\": 24, \"safety_factor\": 1.5,"
                + " \"tiers\": {\"research\": {\"jobs_per_day\": 30, \"capacities\": [\"spot\"]}},"
                + " \"prices\": {\"c7i.2xlarge\": {\"spot\": 0.2}}}}");
        ServerSettings s = SettingsLoader.load(file, env(data, "LIVE_BILLING_TIER_PRO_STRIPE_PRICE", "price_pro_monthly"), Map.of());
        assertEquals("30", s.billing().tierOverrides().get("research.jobs_per_day"));
        assertEquals("spot", s.billing().tierOverrides().get("research.capacities"));
        assertEquals("price_pro_monthly", s.billing().tierOverrides().get("pro.stripe_price"));
        assertEquals("0.2", s.billing().priceOverrides().get("c7i.2xlarge.spot"));
        assertEquals(Duration.ofHours(24), s.billing().pastDueGrace());
        assertEquals(1.5, s.billing().safetyFactor());
    }

    @Test
    void badValuesNameTheKeyAndTheAllowedRange(@TempDir Path data) throws Exception {
        SettingsException range = assertThrows(SettingsException.class, () ->
                SettingsLoader.load(null, env(data, "LIVE_BILLING_TIER_HOBBY_PARALLEL_JOBS", "0"), Map.of()));
        assertTrue(range.getMessage().contains("billing.tiers.hobby.parallel_jobs") && range.getMessage().contains("allowed"), range.getMessage());
        SettingsException tier = assertThrows(SettingsException.class, () ->
                SettingsLoader.load(null, env(data, "LIVE_BILLING_DEFAULT_TIER", "gold"), Map.of()));
        assertTrue(tier.getMessage().startsWith("billing.default_tier:") && tier.getMessage().contains("hobby"), tier.getMessage());
        Path file = Files.writeString(data.resolve("bad.json"), "{\"billing\": {\"safety_factor\": 0.5}}");
        SettingsException safety = assertThrows(SettingsException.class, () -> SettingsLoader.load(file, env(data), Map.of()));
        assertEquals("billing.safety_factor: 0.5 is out of range; allowed 1.0..10.0", safety.getMessage());
        Path secret = Files.writeString(data.resolve("secret.json"), "{\"billing\": {\"stripe_webhook_secret\": \"whsec_x\"}}");
        SettingsException inFile = assertThrows(SettingsException.class, () -> SettingsLoader.load(secret, env(data), Map.of()));
        assertTrue(inFile.getMessage().contains("LIVE_STRIPE_WEBHOOK_SECRET"), inFile.getMessage());
    }
}
