package io.live2.model.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of a config document, for editors and API clients. It states the same ranges
 * as {@link Limits} (a test keeps them equal); cross-field rules are listed in its description.
 */
public final class ConfigSchema {
    private ConfigSchema() {
    }

    /** The schema text (resource io/live2/model/config.schema.json). */
    public static String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream("/io/live2/model/config.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("config.schema.json missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
