package io.live2.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's two performance figures (docs/benchmarks.md), measured in headless Chromium on loopback. Not part
 * of the test suite (its name is not a test's): run it with
 * {@code ./mvnw -B verify -pl server-helidon -am -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints and writes target/dashboard-benchmark.txt; it asserts nothing about speed.
 * <ul>
 *   <li>first render of the jobs page: a reload of #/jobs (a signed-in user with 20 finished jobs) until the app's
 *   {@code performance.mark('jobs-rendered')}, milliseconds from navigation start, 15 reloads;</li>
 *   <li>the live view at 10,000 atoms: the bench page (#/bench/liveview?atoms=10000) draws with the job page's
 *   renderer every animation frame for about 3 s and reports frames per second from requestAnimationFrame
 *   timestamps; 3 runs.</li>
 * </ul>
 */
class DashboardBenchmark {
    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        try (TestServer server = TestServer.start(TestServer.Kind.EMBEDDED, tmp.resolve("server"), Map.of());
             Browser b = Browser.open(1280, 900, tmp.resolve("downloads"))) {
            String email = "bench@example.org";
            String key = server.newUserKey(email);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(server.post("/api/v1/jobs", key, TestServer.smallJob(i, null)).body().get("job_id").asText());
            }
            for (String id : ids) {
                server.awaitFinal(key, id, Duration.ofMinutes(5));
            }
            b.go(server.base, "#/signin");
            b.awaitPage("signin");
            b.byTest("email").sendKeys(email);
            b.byTest("password").sendKeys("correct horse battery");
            b.byTest("submit").click();
            b.awaitPage("jobs");
            List<Double> firstRender = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                b.driver.navigate().refresh();
                Double ms = b.await("jobs-rendered mark", Duration.ofSeconds(30), d -> {
                    Object v = b.js("const m = performance.getEntriesByName('jobs-rendered'); return m.length ? m[0].startTime : null;");
                    return v == null ? null : ((Number) v).doubleValue();
                });
                firstRender.add(ms);
            }
            report.append(String.format("jobs page first render (20 jobs listed, reload to jobs-rendered mark), ms: median %.0f, max %.0f, n=%d%n",
                    median(firstRender), firstRender.stream().mapToDouble(d -> d).max().orElse(0), firstRender.size()));

            for (int run = 0; run < 3; run++) {
                b.go(server.base, "#/jobs");
                b.go(server.base, "#/bench/liveview?atoms=10000");
                b.awaitPage("bench");
                String result = b.await("the live-view benchmark", Duration.ofSeconds(60),
                        d -> (String) b.js("return window.__liveViewBench ? JSON.stringify(window.__liveViewBench) : null;"));
                JsonNode r = TestServer.JSON.readTree(result);
                report.append("live view, 10,000 atoms: ").append(r).append('\n');
                b.js("window.__liveViewBench = null;");
            }
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dashboard-benchmark.txt"), report);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
