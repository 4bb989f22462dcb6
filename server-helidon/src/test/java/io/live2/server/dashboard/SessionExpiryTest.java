package io.live2.server.dashboard;

import io.live2.server.TestServer;
import io.live2.server.limits.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An expired session sends the user to sign in without losing the form: the server's clock is moved past the
 * access token's 15 minutes and the refresh token's 30 days while a half-filled new-simulation form is on screen;
 * submitting it leads to the sign-in page with a sentence saying why, and after signing in the form is back as
 * it was.
 */
class SessionExpiryTest {
    @TempDir
    Path tmp;

    @Test
    void anExpiredSessionKeepsTheForm() throws Exception {
        Browser.require();
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer server = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("server"), Map.of(), null, clock);
             Browser b = Browser.open(1280, 900, tmp.resolve("downloads"))) {
            b.go(server.base, "#/signup");
            b.awaitPage("signup");
            b.byTest("email").sendKeys("grace@example.org");
            b.byTest("password").sendKeys("correct horse battery staple");
            b.byTest("submit").click();
            b.awaitPage("jobs");
            b.byTest("nav-new").click();
            b.awaitPage("new");
            b.await("the presets loaded", Duration.ofSeconds(20), d -> new Select(b.byTest("field-preset")).getOptions().size() >= 2 ? true : null);
            new Select(b.byTest("field-preset")).selectByValue("formamide");
            b.byTest("field-particles").clear();
            b.byTest("field-particles").sendKeys("777");

            clock.advance(Duration.ofDays(31)); // past the access token and the refresh token
            b.byTest("submit-job").click();
            b.awaitPage("signin");
            assertFalse(b.byTest("notice").getText().isBlank(), "the sign-in page says why");
            b.byTest("email").sendKeys("grace@example.org");
            b.byTest("password").sendKeys("correct horse battery staple");
            b.byTest("submit").click();

            b.awaitPage("new");
            b.await("the form restored", Duration.ofSeconds(20), d -> "777".equals(b.byTest("field-particles").getAttribute("value")) ? true : null);
            assertEquals("formamide", new Select(b.byTest("field-preset")).getFirstSelectedOption().getAttribute("value"));
        }
    }
}
