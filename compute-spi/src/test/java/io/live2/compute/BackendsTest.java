package io.live2.compute;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection through ServiceLoader: auto prefers "cpu", an unknown name lists what is available. */
class BackendsTest {
    @Test
    void autoSelectsTheThreadedCpuBackend() {
        assertEquals("cpu", Backends.select("auto").name());
        assertEquals("cpu", Backends.select(null).name());
    }

    @Test
    void namedBackendsAreFound() {
        try (ComputeBackend cpu = Backends.create("cpu", 2); ComputeBackend ref = Backends.create("reference", 4)) {
            assertEquals("cpu", cpu.name());
            assertEquals(2, cpu.threads());
            assertEquals("reference", ref.name());
            assertEquals(1, ref.threads());
        }
    }

    @Test
    void unknownNameListsTheAvailableBackends() {
        UnavailableBackendException e = assertThrows(UnavailableBackendException.class, () -> Backends.select("cuda"));
        assertTrue(e.getMessage().contains("cuda"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu") && e.getMessage().contains("reference"), e.getMessage());
    }

    @Test
    void usingABackendBeforeBindSaysSo() {
        for (String name : new String[] {"cpu", "reference"}) {
            try (ComputeBackend b = Backends.create(name, 1)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, b::computeForces);
                assertTrue(e.getMessage().contains("bind"), e.getMessage());
            }
        }
    }
}
