package io.live2.server.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Headless Debian Chromium driven through chromedriver (both from Debian packages; .ci/run installs them), with
 * the flags the guide prescribes, a download directory, and a desktop or phone-sized viewport. Under CI=true a
 * missing browser fails the test; elsewhere it is skipped with a note.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    final int width;

    private Browser(ChromeDriver driver, Path downloads, int width) {
        this.driver = driver;
        this.downloads = downloads;
        this.width = width;
    }

    static void require() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true and chromium/chromedriver are missing (.ci/run installs chromium and chromium-driver)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed here; skipped outside CI");
    }

    /** @param width the viewport width in CSS pixels (1280 desktop, 375 phone) */
    static Browser open(int width, int height, Path downloads) throws Exception {
        require();
        Files.createDirectories(downloads);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        o.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        d.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString(), "eventsEnabled", false));
        if (width < 600) { // a phone: the layout viewport is exactly this wide
            d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", true));
        }
        return new Browser(d, downloads, width);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement byTest(String name) {
        return driver.findElement(By.cssSelector("[data-test=\"" + name + "\"]"));
    }

    List<WebElement> allByTest(String name) {
        return driver.findElements(By.cssSelector("[data-test=\"" + name + "\"]"));
    }

    /** Waits (bounded, polling the DOM) until the condition holds; the message says what never happened. */
    <T> T await(String what, Duration max, Function<ChromeDriver, T> condition) {
        WebDriverWait w = new WebDriverWait(driver, max, Duration.ofMillis(100));
        w.withMessage(() -> what + " (page " + driver.getCurrentUrl() + ")");
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w.until(d -> condition.apply(driver));
    }

    /** Waits until the app has rendered the page with this data-page name. */
    WebElement awaitPage(String page) {
        return await("page " + page + " rendered", Duration.ofSeconds(30), d -> {
            List<WebElement> e = d.findElements(By.cssSelector("[data-test=\"page\"][data-page=\"" + page + "\"]"));
            return e.isEmpty() ? null : e.get(0);
        });
    }

    void go(String base, String hash) {
        driver.get(base + "/" + hash);
    }

    /**
     * Fails when the browser's console reported a Content-Security-Policy violation since the last call (an inline
     * style or script the page's policy blocks silently breaks what it was for).
     */
    void assertNoCspViolations(String page) {
        List<String> csp = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        if (!csp.isEmpty()) {
            throw new AssertionError(page + " at " + width + " px: the page broke its Content-Security-Policy: " + csp);
        }
    }

    /** After a failure: the page's screenshot, its DOM and its console, for the report. */
    void dumpFailure(Path prefix) {
        try {
            Files.createDirectories(prefix.getParent());
            Files.write(Path.of(prefix + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Files.writeString(Path.of(prefix + ".html"), driver.getPageSource());
            StringBuilder log = new StringBuilder();
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(e -> log.append(e).append('\n'));
            Files.writeString(Path.of(prefix + ".console.txt"), log);
        } catch (Exception | Error e) {
            System.err.println("could not save the failure's page: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    static File file(Path p) {
        return p.toFile();
    }
}
