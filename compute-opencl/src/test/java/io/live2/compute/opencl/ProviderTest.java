package io.live2.compute.opencl;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServiceLoader finds "opencl"; on a CPU device its priority (5) keeps "auto" on the threaded CPU backend. */
class ProviderTest {
    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    @Test
    void selectableByNameWithDevicePriority() {
        ComputeBackendProvider p = Backends.select("opencl");
        assertEquals("opencl", p.name());
        assertNull(p.unavailableReason());
        OpenClDevice.Choice c = OpenClDevice.choice();
        System.out.println("OpenCL device: " + c.describe());
        assertEquals(c.gpu() ? 30 : 5, p.priority());
        if (!c.gpu()) {
            assertTrue(!Backends.select("auto").name().equals("opencl"), "auto must not pick OpenCL on a CPU device");
        }
        try (ComputeBackend b = p.create(4)) {
            assertEquals("opencl", b.name());
            assertEquals(1, b.threads());
        }
    }
}
