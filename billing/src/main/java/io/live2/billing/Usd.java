package io.live2.billing;

import java.math.BigDecimal;
import java.util.Locale;

/** Dollar amounts for people: cents, or more digits when cents would hide why an amount is over a limit. */
final class Usd {
    private Usd() {
    }

    static String format(double usd) {
        return String.format(Locale.ROOT, "%.2f", usd);
    }

    /** {@code usd} as shown next to {@code limitShown}: never the same text when it is in fact above it. */
    static String formatAbove(double usd, String limitShown) {
        String cents = format(usd);
        return cents.equals(limitShown) ? BigDecimal.valueOf(usd).toPlainString() : cents;
    }
}
