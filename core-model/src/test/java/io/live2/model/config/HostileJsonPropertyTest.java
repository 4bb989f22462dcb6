package io.live2.model.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the bytes, the loader answers with a config or a one-line ConfigException, nothing else. */
class HostileJsonPropertyTest {

    static void onlyConfigException(String json) {
        try {
            ConfigLoader.fromJson(json);
        } catch (ConfigException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().contains("\n") && e.getMessage().length() < 2000,
                    e.getMessage());
        }
    }

    @Property(tries = 300)
    void garbageBytes(@ForAll byte[] bytes) {
        onlyConfigException(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void mutatedPresetDocuments(@ForAll("mutated") String json) {
        onlyConfigException(json);
    }

    @Provide
    Arbitrary<String> mutated() {
        String base = ConfigLoader.toJson(ConfigLoader.fromPreset("formamide"));
        Arbitrary<String> junk = Arbitraries.of("", "null", "[]", "{}", "-1", "1e999", "\"x\"", "true", "0.5",
                "99999999999999999999999999", "{\"a\":1}", "[[[[1]]]]", ",", "}", "\u0000", "NaN", "-0");
        return Arbitraries.integers().between(0, base.length()).flatMap(at -> Arbitraries.integers()
                .between(0, Math.min(20, base.length() - at)).flatMap(len -> junk.map(j ->
                        base.substring(0, at) + j + base.substring(at + len))));
    }

    @Test
    void deepNestingIsRejectedCleanly() {
        String deep = "{\"preset\": \"miller-urey\", \"output\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(deep));
        String deepObj = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(deepObj));
    }

    @Test
    void hugeNumbersAndStringsAreRejectedCleanly() {
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"particles\": "
                + "9".repeat(5000) + "}"));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"steps\": 1e999999999}"));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson("{\"preset\": \"" + "x".repeat(50_000) + "\"}"));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson("{\"preset\": \"miller-urey\", \"types\": ["
                + "{},".repeat(1000) + "{}]}"));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromJson(" ".repeat(2_000_000)));
    }

    @Test
    void wrongTypesEverywhere() {
        for (String field : ConfigReader.ROOT) {
            for (String value : new String[] {"\"s\"", "[]", "{}", "true", "1.5"}) {
                onlyConfigException("{\"preset\": \"hydrothermal\", \"" + field + "\": " + value + "}");
            }
        }
    }
}
