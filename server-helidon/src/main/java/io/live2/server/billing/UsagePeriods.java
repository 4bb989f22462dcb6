package io.live2.server.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Usage is metered per calendar month in UTC ("2026-12"): the same on every replica and in every report. */
public final class UsagePeriods {
    private UsagePeriods() {
    }

    public static String of(Instant t) {
        return YearMonth.from(t.atZone(ZoneOffset.UTC)).toString();
    }

    /** This period and the {@code before} periods before it, newest first. */
    public static List<String> recent(Instant now, int before) {
        YearMonth m = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= before; i++) {
            out.add(m.minusMonths(i).toString());
        }
        return out;
    }
}
