package io.live2.compute.opencl;

import io.live2.model.ParticleState;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Shared test support: OpenCL must be present under CI=true (the tests fail otherwise); elsewhere a machine without
 * OpenCL skips them with the probe's reason. The random bonded test systems are compute-spi's TestSystems (test jar).
 */
final class OpenClTests {
    private OpenClTests() {
    }

    static void requireOpenCl() {
        String why = OpenClDevice.unavailableReason();
        if (why == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but OpenCL is not usable, so the OpenCL backend cannot be tested: " + why);
        }
        Assumptions.abort("OpenCL backend tests skipped: " + why);
    }

    /** Rounds positions and velocities to float, so that both backends see the same input. */
    static void roundToFloat(ParticleState s) {
        for (int i = 0; i < s.n; i++) {
            s.x[i] = (float) s.x[i];
            s.y[i] = (float) s.y[i];
            s.vx[i] = (float) s.vx[i];
            s.vy[i] = (float) s.vy[i];
        }
    }
}
