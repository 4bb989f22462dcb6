package io.live2.billing;

import java.util.Locale;

/** The capacity a job asks for: spot instances (cheap, may be reclaimed) or on-demand ones. */
public enum Capacity {
    SPOT, ON_DEMAND;

    /** The name used in the API and in config: {@code spot} or {@code on_demand}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Capacity ofWire(String name) {
        for (Capacity c : values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("capacity: '" + name + "' is not allowed; allowed spot, on_demand");
    }
}
