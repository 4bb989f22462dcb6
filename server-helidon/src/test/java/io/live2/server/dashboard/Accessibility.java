package io.live2.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accessibility checks every page gets: axe-core (the npm package the dashboard build installs) finds no
 * serious or critical violation, and every visible control is reached by pressing Tab from the top of the page.
 */
final class Accessibility {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String axeSource;

    Accessibility() throws IOException {
        Path axe = Path.of("..", "dashboard", "node_modules", "axe-core", "axe.min.js");
        assertTrue(Files.isRegularFile(axe), axe.toAbsolutePath() + " is missing: the dashboard module's build installs it (npm ci)");
        this.axeSource = Files.readString(axe);
    }

    /** Runs axe-core on the current page; fails listing each serious or critical violation and where it is. */
    void assertNoSeriousViolations(Browser b, String page) throws IOException {
        b.js(axeSource);
        Object raw = b.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        JsonNode violations = JSON.readTree((String) raw);
        assertEquals(0, violations.size(), page + " at " + b.width + " px: axe-core found " + violations.toPrettyString());
    }

    /**
     * Every visible, enabled control (links, buttons, inputs, selects, text areas, anything with tabindex >= 0; of a
     * radio group any one) receives focus when Tab is pressed repeatedly from the start of the document.
     */
    void assertKeyboardReachable(Browser b, String page) {
        long count = (Long) b.js("""
                const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]),'
                          + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
                const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert]');
                const els = [...document.querySelectorAll(sel)].filter(visible);
                const groups = new Map();
                let n = 0;
                for (const e of els) {
                  if (e.type === 'radio' && e.name) {
                    if (!groups.has(e.name)) groups.set(e.name, n++);
                    e.dataset.kb = groups.get(e.name);
                  } else {
                    e.dataset.kb = n++;
                  }
                }
                window.__kbSeen = new Set();
                document.addEventListener('focusin', ev => {
                  const k = ev.target.closest('[data-kb]');
                  if (k) window.__kbSeen.add(k.dataset.kb);
                }, true);
                if (document.activeElement) document.activeElement.blur();
                window.scrollTo(0, 0);
                return n;
                """);
        Actions tab = new Actions(b.driver);
        long presses = Math.min(count + 10, 700);
        for (int i = 0; i < presses; i++) {
            tab.sendKeys(Keys.TAB).perform();
            if (i % 20 == 19 && (Long) b.js("return window.__kbSeen.size") >= count) {
                break;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> missed = (List<Object>) b.js("""
                const seen = window.__kbSeen;
                return [...document.querySelectorAll('[data-kb]')].filter(e => !seen.has(e.dataset.kb))
                  .slice(0, 10).map(e => e.outerHTML.slice(0, 160));
                """);
        assertTrue(missed.isEmpty(), page + " at " + b.width + " px: " + missed.size() + "+ of " + count
                + " controls never received focus by Tab: " + new ArrayList<>(missed));
    }
}
