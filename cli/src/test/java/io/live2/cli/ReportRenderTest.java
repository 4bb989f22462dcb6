package io.live2.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short reactive run's report.html renders in headless Chromium (Debian package `chromium`): the DOM Chromium
 * builds holds the summary, the species chart, the species and reaction tables and the network, and a screenshot is
 * produced; what was made comes first. `live analyze` then rewrites byte-identical result files. Under CI (CI=true) a missing Chromium fails
 * the test; .ci/run installs it.
 */
class ReportRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void reportRendersInHeadlessChromiumAndAnalyzeReproducesTheFiles(@TempDir Path tmp) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Chromium is missing at " + CHROMIUM + ": .ci/run should have installed it");
            }
            Assumptions.abort("Chromium is not installed here (apt-get install -y chromium)");
        }
        Path run = tmp.resolve("mu");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "miller-urey", "--particles", "300", "--steps", "3000",
                "--seed", "3", "--snapshot-every", "250", "--out", run.toString());
        assertEquals(0, o.exitCode(), o.err());
        Path report = run.resolve("results/report.html");
        assertTrue(Files.exists(report));

        String dom = chromium(tmp, "--dump-dom", report.toUri().toString());
        for (String id : List.of("id=\"made\"", "id=\"products\"", "id=\"summary\"", "id=\"species-chart\"", "id=\"species\"", "id=\"reactions\"", "id=\"network\"")) {
            assertTrue(dom.contains(id), "rendered DOM lacks " + id);
        }
        assertTrue(dom.contains("<polyline"), "the species chart has its lines");
        Path png = tmp.resolve("report.png");
        chromium(tmp, "--screenshot=" + png, "--window-size=1200,2400", report.toUri().toString());
        assertTrue(Files.size(png) > 20_000, "screenshot is a real page, " + Files.size(png) + " bytes");

        assertTrue(dom.indexOf("id=\"made\"") < dom.indexOf("id=\"summary\""), "the report leads with what was made");
        List<String> files = List.of("products.json", "molecules.json", "reactions.json", "species_timeseries.csv", "report.html",
                "reaction_network.json", "reaction_network.graphml", "molecules.sdf");
        List<byte[]> before = new ArrayList<>();
        for (String f : files) {
            before.add(Files.readAllBytes(run.resolve("results").resolve(f)));
        }
        CliHarness.Outcome again = CliHarness.run("analyze", run.toString());
        assertEquals(0, again.exitCode(), again.err());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(run.resolve("results").resolve(files.get(i))), files.get(i));
        }
    }

    private static String chromium(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium exit code");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
