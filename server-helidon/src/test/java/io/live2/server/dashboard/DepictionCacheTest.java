package io.live2.server.dashboard;

import io.live2.model.analysis.ChemistryToolkit;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept depictions are bounded by their bytes, not their count, and a very large drawing is never kept. */
class DepictionCacheTest {
    private final AtomicInteger drawn = new AtomicInteger();

    /** A toolkit whose drawing of "C" * n... is an SVG of 1,000 bytes, or 70 KB for SMILES starting with "Br". */
    private ChemistryToolkit toolkit() {
        return (ChemistryToolkit) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ChemistryToolkit.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "fake";
                    case "depictSmilesSvg" -> {
                        drawn.incrementAndGet();
                        String smiles = (String) args[0];
                        int size = smiles.startsWith("Br") ? 70 * 1024 : 1_000;
                        yield "<svg>" + "x".repeat(size - 11) + "</svg>";
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theCacheKeepsTheNewestDrawingsWithinItsBytes() {
        DepictionRoutes d = new DepictionRoutes(Optional.of(toolkit()), 10_000);
        for (int i = 1; i <= 100; i++) {
            d.svg("C".repeat(i));
            assertTrue(d.cachedBytes() <= 10_000, "within the bound after " + i + ": " + d.cachedBytes());
        }
        assertTrue(d.cached("C".repeat(100)) && d.cached("C".repeat(95)), "the newest are kept");
        assertFalse(d.cached("C"), "the oldest went");
        int before = drawn.get();
        d.svg("C".repeat(100));
        assertEquals(before, drawn.get(), "a kept drawing is not drawn again");
    }

    @Test
    void aDrawingOver64KbIsNotKept() {
        DepictionRoutes d = new DepictionRoutes(Optional.of(toolkit()));
        assertEquals(70 * 1024, d.svg("BrBr").length);
        assertFalse(d.cached("BrBr"));
        assertEquals(0, d.cachedBytes());
        d.svg("BrBr");
        assertEquals(2, drawn.get(), "drawn each time");
    }
}
