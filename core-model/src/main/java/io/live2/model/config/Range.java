package io.live2.model.config;

/**
 * An allowed numeric interval for one config field. Integer fields print as {@code 1..2000000}; real fields as an
 * inequality such as {@code 0 < temperature <= 100000}, so a message says exactly which end is open.
 *
 * @param min      lower bound
 * @param max      upper bound
 * @param minOpen  true when {@code min} itself is not allowed
 * @param maxOpen  true when {@code max} itself is not allowed
 * @param integral true for integer fields
 */
public record Range(double min, double max, boolean minOpen, boolean maxOpen, boolean integral) {

    public static Range ints(long min, long max) {
        return new Range(min, max, false, false, true);
    }

    public static Range closed(double min, double max) {
        return new Range(min, max, false, false, false);
    }

    /** (min, max]: for quantities that must be positive. */
    public static Range aboveTo(double min, double max) {
        return new Range(min, max, true, false, false);
    }

    /** (min, max): for fractions strictly between the ends. */
    public static Range open(double min, double max) {
        return new Range(min, max, true, true, false);
    }

    public boolean contains(double v) {
        boolean lo = minOpen ? v > min : v >= min;
        boolean hi = maxOpen ? v < max : v <= max;
        return lo && hi;
    }

    /** Human-readable form used in error messages and docs; {@code name} is the field's last path segment. */
    public String describe(String name) {
        if (integral) {
            return fmt(min) + ".." + fmt(max);
        }
        return fmt(min) + (minOpen ? " < " : " <= ") + name + (maxOpen ? " < " : " <= ") + fmt(max);
    }

    static String fmt(double v) {
        if (v >= Long.MAX_VALUE) {
            return Long.toString(Long.MAX_VALUE); // the seed's upper bound; a double cannot show it exactly
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
