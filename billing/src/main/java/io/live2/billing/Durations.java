package io.live2.billing;

/** Durations for people: "2 h 5 min", "30 min", "45 s", "3 d". */
final class Durations {
    private Durations() {
    }

    static String human(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3_600;
        long m = seconds % 3_600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        append(out, d, "d");
        append(out, h, "h");
        append(out, m, "min");
        // seconds only matter when the whole figure is under an hour
        if (d == 0 && h == 0) {
            append(out, s, "s");
        }
        return out.isEmpty() ? "0 s" : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(out.isEmpty() ? "" : " ").append(amount).append(' ').append(unit);
        }
    }
}
