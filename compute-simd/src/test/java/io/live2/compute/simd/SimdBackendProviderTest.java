package io.live2.compute.simd;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider is found by ServiceLoader and usable when the tests run with --add-modules jdk.incubator.vector. */
class SimdBackendProviderTest {
    @Test
    void foundByNameAndUsable() {
        SimdBackendProvider p = new SimdBackendProvider();
        assertNull(p.unavailableReason(), "surefire runs with --add-modules jdk.incubator.vector");
        assertEquals("simd", Backends.select("simd").name());
        try (ComputeBackend b = Backends.create("simd", 2)) {
            assertEquals("simd", b.name());
            assertEquals(2, b.threads());
            assertTrue(((SimdBackend) b).lanes() >= 2);
        }
    }

    @Test
    void autoPicksSimdOverCpuWhereTheVectorApiIsEnabled() {
        assertTrue(new SimdBackendProvider().priority() > Backends.select("cpu").priority());
        assertEquals("simd", Backends.select("auto").name());
    }
}
