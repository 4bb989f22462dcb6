package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill 6's signed URLs in the suite: the whole drill, which waits out the shortest validity the server allows
 * (60 s) to see the genuine URLs refused after it.
 */
class UrlDrillTest {
    @Test
    void signedUrlsGiveTheOwnersBytesAndAreRefusedTamperedOrExpired(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "urls", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verified: every genuine URL gave the listed bytes"), o.out());
        Matcher m = Pattern.compile("(\\d+) URLs checked").matcher(o.out());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 3, "too few artifacts to mean anything: " + o.out());
        int n = Integer.parseInt(m.group(1));
        for (String what : new String[]{"genuine → 200", "re-pointed at B's job → 403", "walked out of A's prefix → 403",
                "expiry pushed a day later → 403", "B's signature on A's key → 403", "genuine, after its expiry → 403"}) {
            assertTrue(o.out().contains(what + ": " + n), what + " for each URL: " + o.out());
        }
    }

    @Test
    void aSignedUrlIsTakenApartAndPutBackTheSame() {
        String url = "http://127.0.0.1:4711/a/dev/u_1/j_2/snapshots/step-100.lsnap?expires=1800000000&sig=00ff";
        UrlDrill.Signed s = UrlDrill.Signed.parse(url);
        assertEquals("dev/u_1/j_2/snapshots/step-100.lsnap", s.key());
        assertEquals(1_800_000_000L, s.expires());
        assertEquals(url, s.url());
        assertThrows(IllegalArgumentException.class, () -> UrlDrill.Signed.parse("http://127.0.0.1/a/x?sig=00"));
    }
}
