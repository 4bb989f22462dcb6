package io.live2.server.dashboard;

import org.openqa.selenium.OutputType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screenshot of each page under the build directory, checked to be non-blank: a page that failed to render
 * (a blank white screen, a lone error line) has one colour almost everywhere.
 */
final class Screenshots {
    private final Path dir;
    private final Path docsCopy;

    /** @param docsCopy where the desktop screenshots are also written for docs/dashboard.md, or null */
    Screenshots(Path dir, Path docsCopy) {
        this.dir = dir;
        this.docsCopy = docsCopy;
    }

    Path take(Browser b, String page) throws IOException {
        byte[] png = b.driver.getScreenshotAs(OutputType.BYTES);
        Path out = dir.resolve(b.width + "px").resolve(page + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        assertNonBlank(png, out);
        if (docsCopy != null && b.width >= 1000) {
            Files.createDirectories(docsCopy);
            Files.write(docsCopy.resolve("dashboard-" + page + ".png"), png);
        }
        return out;
    }

    /** At least 3 % of the pixels differ from the most common colour, and there are at least 8 colours. */
    static void assertNonBlank(byte[] png, Path name) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, name + " is not a PNG");
        Map<Integer, Integer> counts = new HashMap<>();
        int total = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
                total++;
            }
        }
        int background = counts.values().stream().max(Integer::compare).orElse(0);
        double other = 1.0 - (double) background / total;
        assertTrue(counts.size() >= 8 && other >= 0.03,
                name + " looks blank: " + counts.size() + " colours, " + String.format("%.1f", 100 * other) + " % off the background");
    }
}
