package io.live2.server.settings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value and where it came from ("LIVE_JWT_SECRET", "file /run/secrets/jwt", "generated"). Its toString
 * never shows the value, so a secret cannot reach a log or an error message by accident.
 */
public final class Secret {
    private final byte[] value;
    private final String source;

    public Secret(byte[] value, String source) {
        this.value = value.clone();
        this.source = source;
    }

    public static Secret of(String value, String source) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8), source);
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public int length() {
        return value.length;
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Secret(from " + source + ")";
    }
}
