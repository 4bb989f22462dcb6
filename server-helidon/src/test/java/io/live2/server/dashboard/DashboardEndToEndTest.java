package io.live2.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard end to end in headless Chromium, against a real embedded server running real jobs: sign up, create
 * an API key, submit a small Miller-Urey job, watch its progress bar reach 100 %, open the species table, a
 * depiction, the network and the report, download an artifact, watch a second job's live view and cancel it, see
 * billing, sign out and in. Every page is screenshotted (checked non-blank), checked by axe-core and walked by
 * keyboard; the whole flow runs at a desktop width and at 375 px.
 */
class DashboardEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration JOB_MAX = Duration.ofMinutes(4);

    @TempDir
    static Path tmp;
    static TestServer server;
    static Accessibility a11y;
    static Screenshots screenshots;

    @BeforeAll
    static void start() throws Exception {
        Browser.require();
        server = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("server"), Map.of());
        a11y = new Accessibility();
        String docs = System.getProperty("dashboard.docs.images");
        screenshots = new Screenshots(Path.of("target", "dashboard-screenshots"), docs == null ? null : Path.of(docs));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Desktop and phone; -Ddashboard.widths=1280 runs one (when debugging). */
    static Stream<Integer> widths() {
        return Stream.of(System.getProperty("dashboard.widths", "1280,375").split(",")).map(String::trim).map(Integer::valueOf);
    }

    @ParameterizedTest(name = "{0} px wide")
    @MethodSource("widths")
    void theWholeFlow(int width) throws Exception {
        try (Browser b = Browser.open(width, width >= 1000 ? 900 : 812, tmp.resolve("downloads-" + width))) {
            try {
                flow(b, width);
            } catch (Throwable t) {
                b.dumpFailure(Path.of("target", "dashboard-screenshots", "failure-" + width));
                throw t;
            }
        }
    }

    private void flow(Browser b, int width) throws Exception {
        {
            String email = "ada-" + width + "@example.org";

            // sign up (the app signs in and shows the empty jobs list)
            b.go(server.base, "#/signup");
            b.awaitPage("signup");
            check(b, "signup");
            b.byTest("email").sendKeys(email);
            b.byTest("password").sendKeys(PASSWORD);
            b.byTest("submit").click();
            b.awaitPage("jobs");

            // an API key: created with scopes, shown once, listed; it works against the API
            b.byTest("nav-keys").click();
            b.awaitPage("keys");
            b.byTest("key-name").sendKeys("laptop");
            for (String scope : List.of("jobs:read", "jobs:write")) {
                WebElement box = b.byTest("scope-" + scope);
                if (!box.isSelected()) {
                    box.click();
                }
            }
            b.byTest("key-create").click();
            String key = b.await("the new key shown once", Duration.ofSeconds(20), d -> {
                List<WebElement> s = b.allByTest("key-secret");
                String text = s.isEmpty() ? "" : s.get(0).getText().trim();
                return text.startsWith("lk_") ? text : null;
            });
            assertFalse(b.allByTest("key-copy").isEmpty(), "a copy button beside the key");
            b.await("the key listed", Duration.ofSeconds(10), d -> b.allByTest("key-row").isEmpty() ? null : true);
            assertEquals(200, server.get("/api/v1/jobs", key).status(), "the key the dashboard created works");
            check(b, "keys");

            // a small Miller-Urey job: estimate and verdict before submitting, then its page
            String first = submit(b, "300", "4000", true);
            WebElement progress = b.byTest("job-progress");
            b.await("the progress bar reaches 100 %", JOB_MAX, d -> "100".equals(progressValue(b)) ? true : null);
            b.await("the job succeeded", Duration.ofSeconds(60), d -> b.byTest("job-state").getText().contains("succeeded") ? true : null);
            assertEquals("100", progressValue(b), "the progress bar " + progress.getTagName());

            // results: summary, species table (searchable), a depiction, the time series, the network, report, artifacts
            b.await("the species table", Duration.ofSeconds(60), d -> b.allByTest("species-row").isEmpty() ? null : true);
            assertFalse(b.byTest("summary").getText().isBlank(), "the results summary");
            int species = b.allByTest("species-row").size();
            WebElement search = b.byTest("species-search");
            search.sendKeys("H2O");
            b.await("the search filters the species", Duration.ofSeconds(10), d -> {
                List<WebElement> rows = b.allByTest("species-row");
                return !rows.isEmpty() && rows.size() <= species && rows.stream().allMatch(r -> r.getText().contains("H2O")) ? true : null;
            });
            search.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
            b.await("every species back", Duration.ofSeconds(10), d -> b.allByTest("species-row").size() == species ? true : null);
            b.await("a 2-D depiction loaded", Duration.ofSeconds(30), d -> (Boolean) b.js(
                    "return [...document.querySelectorAll('img[data-test=\"depiction\"]')].some(i => i.complete && i.naturalWidth > 0)") ? true : null);
            b.await("the network drawn", Duration.ofSeconds(60), d -> "true".equals(b.byTest("network").getAttribute("data-ready")) ? true : null);
            assertTrue(Integer.parseInt(b.byTest("network").getAttribute("data-nodes")) > 0, "the network has nodes");
            assertFalse(b.allByTest("species-timeseries").isEmpty(), "the species time series plot");
            check(b, "job-results");
            b.js("arguments[0].scrollIntoView({block: 'center'})", b.byTest("network"));
            screenshots.take(b, "job-network");

            String reportUrl = b.byTest("report-link").getAttribute("href");
            String page = b.driver.getWindowHandle();
            b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            b.driver.get(reportUrl);
            b.await("the report opens", Duration.ofSeconds(20), d -> d.findElements(By.tagName("h1")).isEmpty() ? null : true);
            assertTrue(b.driver.getPageSource().contains("<svg"), "the report has its drawings");
            b.driver.close();
            b.driver.switchTo().window(page);

            JsonNode listed = server.get("/api/v1/jobs/" + first + "/artifacts", key).body().get("artifacts");
            WebElement link = b.allByTest("artifact-link").stream()
                    .filter(l -> l.getAttribute("href").contains("species_timeseries.csv")).findFirst().orElseThrow();
            link.click();
            Path downloaded = b.downloads.resolve("species_timeseries.csv");
            b.await("the artifact downloaded", Duration.ofSeconds(30), d -> Files.isRegularFile(downloaded)
                    && !Files.exists(b.downloads.resolve("species_timeseries.csv.crdownload")) ? true : null);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(downloaded)));
            assertTrue(stream(listed).anyMatch(a -> a.get("key").asText().endsWith("species_timeseries.csv")
                    && a.get("sha256").asText().equals(sha)), "the download has the stored artifact's bytes");

            // a second, long job: its live view draws the box; the jobs list shows its progress; cancel it there
            String second = submit(b, "600", "2000000", false);
            b.await("the live view draws atoms", JOB_MAX, d -> liveViewDrawn(b) ? true : null);
            b.await("the live charts", Duration.ofSeconds(30), d -> b.byTest("charts").findElements(By.tagName("canvas")).isEmpty() ? null : true);
            check(b, "job-running");
            b.byTest("nav-jobs").click();
            b.awaitPage("jobs");
            WebElement row = b.await("the running job listed", Duration.ofSeconds(20), d ->
                    d.findElements(By.cssSelector("[data-test=\"job-row\"][data-job-id=\"" + second + "\"][data-state=\"running\"]"))
                            .stream().findFirst().orElse(null));
            b.await("its progress bar moves", Duration.ofSeconds(60), d -> {
                String v = rowProgress(b, second);
                return v != null && Double.parseDouble(v) > 0 ? true : null;
            });
            check(b, "jobs");
            row.findElement(By.cssSelector("[data-test=\"job-cancel\"]")).click();
            b.await("the job canceled", Duration.ofSeconds(60), d -> d.findElements(By.cssSelector(
                    "[data-test=\"job-row\"][data-job-id=\"" + second + "\"][data-state=\"canceled\"]")).isEmpty() ? null : true);
            assertEquals("canceled", server.get("/api/v1/jobs/" + second, key).body().get("status").asText());

            // re-run the first job: the form comes back with its configuration
            b.driver.findElement(By.cssSelector("[data-test=\"job-row\"][data-job-id=\"" + first + "\"] [data-test=\"job-rerun\"]")).click();
            b.awaitPage("new");
            b.await("the form prefilled from the job", Duration.ofSeconds(20), d -> "300".equals(b.byTest("field-particles").getAttribute("value")) ? true : null);

            // billing: the tier and its meters
            b.byTest("nav-billing").click();
            b.awaitPage("billing");
            b.await("the tier shown", Duration.ofSeconds(20), d -> b.byTest("tier").getText().isBlank() ? null : true);
            assertTrue(b.allByTest("meter").size() >= 2, "usage meters against the limits");
            check(b, "billing");

            // sign out, and back in
            b.byTest("signout").click();
            b.awaitPage("signin");
            check(b, "signin");
            b.byTest("email").sendKeys(email);
            b.byTest("password").sendKeys(PASSWORD);
            b.byTest("submit").click();
            b.awaitPage("jobs");
            b.await("both jobs listed", Duration.ofSeconds(20), d -> b.allByTest("job-row").size() >= 2 ? true : null);
        }
    }

    /** Fills the new-simulation form, waits for the estimate and verdict, submits; returns the new job's id. */
    private static String submit(Browser b, String particles, String steps, boolean checkPage) throws Exception {
        b.byTest("nav-new").click();
        b.awaitPage("new");
        b.await("the presets loaded", Duration.ofSeconds(20), d -> new Select(b.byTest("field-preset")).getOptions().size() >= 2 ? true : null);
        new Select(b.byTest("field-preset")).selectByValue("miller-urey");
        replace(b.byTest("field-particles"), particles);
        replace(b.byTest("field-steps"), steps);
        b.await("the estimate and verdict", Duration.ofSeconds(30), d -> {
            WebElement e = b.byTest("estimate");
            // a duration and a cost, as numbers, and no newer estimate on its way
            return e.getText().matches("(?s).*\\d.*") && "false".equals(e.getAttribute("aria-busy")) ? true : null;
        });
        if (checkPage) {
            check(b, "new");
        }
        b.byTest("submit-job").click();
        b.awaitPage("job");
        String url = b.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static String progressValue(Browser b) {
        Object v = b.js("const p = document.querySelector('[data-test=\"page\"] [data-test=\"job-progress\"]'); return p ? String(Math.round(p.value)) : null;");
        return (String) v;
    }

    private static String rowProgress(Browser b, String jobId) {
        return (String) b.js("const p = document.querySelector('[data-test=\"job-row\"][data-job-id=\"' + arguments[0] + '\"] [data-test=\"job-progress\"]');"
                + " return p && p.hasAttribute('value') ? String(p.value) : null;", jobId);
    }

    /** The live view's canvas holds a drawing (atoms), not a blank rectangle. */
    private static boolean liveViewDrawn(Browser b) {
        String data = (String) b.js("const c = document.querySelector('canvas[data-test=\"live-view\"]'); return c && c.width > 0 ? c.toDataURL('image/png') : null;");
        if (data == null) {
            return false;
        }
        try {
            Screenshots.assertNonBlank(java.util.Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1)), Path.of("live-view"));
            return true;
        } catch (AssertionError | java.io.IOException e) {
            return false;
        }
    }

    /** No CSP violation so far, the page's screenshot (non-blank), axe-core, and the keyboard walk. */
    private static void check(Browser b, String page) throws Exception {
        b.assertNoCspViolations(page);
        screenshots.take(b, page);
        a11y.assertNoSeriousViolations(b, page);
        a11y.assertKeyboardReachable(b, page);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
