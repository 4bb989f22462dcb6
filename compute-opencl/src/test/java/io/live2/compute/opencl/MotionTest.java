package io.live2.compute.opencl;

import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.TestSystems;
import io.live2.compute.kernels.Integrators;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's per-step sanity check on the OpenCL device (a per-work-group reduction, 12 bytes read per group):
 * the largest speed and acceleration agree with the host's exact check of the same state within float rounding,
 * and a NaN velocity or an atom outside the box on the device is named exactly.
 */
class MotionTest {
    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void deviceCheckMatchesTheHostAndNamesABadAtom(int what) {
        TestSystems.System sys = TestSystems.random(11, 900, 100, 15.0);
        ParticleState s = sys.state();
        for (int i = 0; i < s.n; i++) {
            s.vx[i] = Math.sin(i) * 3;
            s.vy[i] = Math.cos(3 * i) * 2;
        }
        try (OpenClBackend b = new OpenClBackend(ForceKernel.LIST)) {
            b.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            b.computeForces();
            b.kick(0.0001); // a kernel ran: the device is ahead of the host, so motion() reduces on the device
            Motion device = b.motion();
            b.pullState();
            Motion host = Integrators.motion(s, sys.ff().invMassTable());
            assertTrue(device.sound());
            assertEquals(host.maxSpeed(), device.maxSpeed(), 1e-5 * host.maxSpeed());
            assertEquals(host.maxAcceleration(), device.maxAcceleration(), 1e-4 * host.maxAcceleration());

            int bad = 437;
            switch (what) {
                case 0 -> s.vx[bad] = Double.NaN;
                case 1 -> s.x[bad] = -1.0;
                default -> s.vy[bad] = Double.POSITIVE_INFINITY;
            }
            b.pushState();
            b.kick(0.0001);
            assertEquals(bad, b.motion().firstBadAtom());
        }
    }
}
