package io.live2.compute.opencl;

import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.TestSystems;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The same input and seed give the same bytes on the same device: 1500 BAOAB steps of a bonded system with the
 * Langevin thermostat, host velocity edits (pushState) and a topology change along the way, run twice, with each
 * force kernel. Steps between samples use computeForcesOnly (nothing read back), like the engine.
 */
class DeterminismTest {
    static final int STEPS = 1500;

    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    static byte[] run(long seed, ForceKernel kernel) {
        TestSystems.System sys = TestSystems.random(7, 600, 100, 7.0);
        ParticleState s = sys.state();
        double dt = 0.0005;
        double c1 = Math.exp(-5.0 * dt);
        double kT = 2.5;
        try (OpenClBackend b = new OpenClBackend(kernel)) {
            b.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            b.computeForces();
            ByteBuffer out = ByteBuffer.allocate(8 * 7 * s.n + 8 * 3 * (STEPS / 10));
            for (int step = 1; step <= STEPS; step++) {
                b.kick(0.5 * dt);
                b.drift(0.5 * dt);
                b.thermostat(c1, kT, seed, step);
                b.drift(0.5 * dt);
                var e = step % 10 == 0 ? b.computeForces() : null;
                if (e == null) {
                    b.computeForcesOnly();
                }
                b.kick(0.5 * dt);
                if (e != null) {
                    out.putDouble(e.potential()).putDouble(e.virial()).putDouble(b.kineticEnergy());
                }
                if (step == STEPS / 2) {
                    b.pullState();
                    s.vx[5] *= 0.5; // like a reactive event paying energy
                    b.pushState();
                    sys.topology().removeBond(0, 1);
                    b.topologyChanged();
                }
            }
            b.pullState();
            for (int i = 0; i < s.n; i++) {
                out.putDouble(s.x[i]).putDouble(s.y[i]).putDouble(s.vx[i]).putDouble(s.vy[i])
                        .putDouble(s.fx[i]).putDouble(s.fy[i]).putDouble(0);
            }
            assertEquals(out.capacity(), out.position());
            return out.array();
        }
    }

    @ParameterizedTest
    @EnumSource(ForceKernel.class)
    void sameSeedSameBytes(ForceKernel kernel) {
        byte[] a = run(3, kernel);
        byte[] b = run(3, kernel);
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(run(4, kernel)), "the seed must matter");
    }
}
