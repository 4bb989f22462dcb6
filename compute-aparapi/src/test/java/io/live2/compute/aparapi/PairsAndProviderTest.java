package io.live2.compute.aparapi;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;
import io.live2.compute.NeighborSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** forEachPairWithin is exact (same pairs, order and r² as the reference), and the provider behaves. */
class PairsAndProviderTest {

    @Test
    void pairsMatchReferenceExactly() {
        Aparapi.require();
        TestSystems.System sys = TestSystems.random(9, 400, 60, 7.0);
        try (AparapiBackend a = new AparapiBackend(); ComputeBackend r = Backends.create("reference", 1)) {
            a.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            a.computeForces();
            // a few steps so the device state differs from the initial host arrays
            for (int i = 0; i < 20; i++) {
                a.kick(0.00025);
                a.drift(0.0005);
                a.computeForces();
                a.kick(0.00025);
            }
            a.pullState();
            TestSystems.System copy = sys.copy();
            r.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.1));
            for (double d : new double[] {0.3, 0.5, sys.ff().maxCutoff()}) {
                List<String> got = new ArrayList<>();
                List<String> want = new ArrayList<>();
                a.forEachPairWithin(d, (i, j, r2) -> got.add(i + "-" + j + ":" + r2));
                r.forEachPairWithin(d, (i, j, r2) -> want.add(i + "-" + j + ":" + r2));
                assertTrue(want.size() > 10, "enough pairs within " + d);
                assertEquals(want, got, "pairs within " + d);
            }
        }
    }

    @Test
    void providerIsFoundAndRanksBelowTheCpuBackends() {
        ComputeBackendProvider p = Backends.providers().stream().filter(x -> x.name().equals("aparapi")).findFirst()
                .orElseThrow();
        assertEquals(4, p.priority());
        assertTrue(Backends.providers().stream().anyMatch(x -> x.name().equals("cpu") && x.priority() > 4));
        Aparapi.require();
        assertNull(p.unavailableReason());
        assertEquals(p.unavailableReason(), p.unavailableReason(), "cached");
        try (ComputeBackend b = Backends.create("aparapi", 1)) {
            assertEquals("aparapi", b.name());
        }
        assertTrue(!Backends.select("auto").name().equals("aparapi"), "auto prefers the CPU backends");
    }
}
