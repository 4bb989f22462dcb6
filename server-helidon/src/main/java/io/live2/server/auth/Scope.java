package io.live2.server.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. A signed-in session (JWT) has every scope. */
public enum Scope {
    JOBS_READ("jobs:read"), JOBS_WRITE("jobs:write"), BILLING("billing");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static final Set<String> WIRE_NAMES = Arrays.stream(values()).map(Scope::wire).collect(Collectors.toUnmodifiableSet());

    public static Scope of(String wire) {
        for (Scope s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope " + wire);
    }
}
