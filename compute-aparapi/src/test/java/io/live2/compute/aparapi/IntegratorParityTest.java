package io.live2.compute.aparapi;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kick, drift (with wrapping), the Langevin O-step and the kinetic energy against the reference, one call each
 * from the same float-representable state. Stated tolerance: 1e-5 relative per component (of max(|ref|, scale));
 * the O-step's noise comes from the same Philox words (exact) through the same Box–Muller in double.
 */
class IntegratorParityTest {
    static final double TOL = 1e-5;

    static void assertClose(double[] want, float[] got, double scale, String what) {
        for (int i = 0; i < got.length; i++) {
            double d = Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), scale);
            assertTrue(d <= TOL, what + "[" + i + "]: " + got[i] + " vs " + want[i] + " (" + d + ")");
        }
    }

    static float[] f(double[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (float) a[i];
        }
        return r;
    }

    @Test
    void integratorStepsMatchReference() {
        Aparapi.require();
        TestSystems.System sys = TestSystems.random(31, 500, 50, 7.0);
        ParticleState s = sys.state();
        for (int i = 0; i < s.n; i++) {
            s.x[i] = (float) s.x[i];
            s.y[i] = (float) s.y[i];
            s.vx[i] = (float) s.vx[i];
            s.vy[i] = (float) s.vy[i];
            s.x[i] = s.x[i] >= s.boxX() ? 0 : s.x[i];
            s.y[i] = s.y[i] >= s.boxY() ? 0 : s.y[i];
        }
        TestSystems.System ref = sys.copy();
        try (AparapiBackend a = new AparapiBackend(); ComputeBackend r = Backends.create("reference", 1)) {
            a.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            r.bind(ref.state(), ref.topology(), ref.ff(), new NeighborSettings(0.1));
            assertEquals(r.kineticEnergy(), a.kineticEnergy(), 1e-5 * r.kineticEnergy(), "kinetic energy");
            a.computeForces();
            r.computeForces();
            a.kick(0.00025);
            r.kick(0.00025);
            a.pullState();
            double vScale = Math.sqrt(2 * r.kineticEnergy() / s.n);
            assertClose(ref.state().vx, f(s.vx), vScale, "vx after kick");
            assertClose(ref.state().vy, f(s.vy), vScale, "vy after kick");
            // a long drift so that many atoms cross the box edges and get wrapped
            a.drift(0.05);
            r.drift(0.05);
            a.pullState();
            for (int i = 0; i < s.n; i++) {
                assertTrue(s.x[i] >= 0 && s.x[i] < s.boxX() && s.y[i] >= 0 && s.y[i] < s.boxY(), "wrapped " + i);
                double dx = ref.state().minImageX(s.x[i] - ref.state().x[i]);
                double dy = ref.state().minImageY(s.y[i] - ref.state().y[i]);
                assertTrue(Math.hypot(dx, dy) <= 1e-5, "position " + i + " off by " + Math.hypot(dx, dy));
            }
            double c1 = Math.exp(-5.0 * 0.0005);
            double kT = 2.494;
            a.thermostat(c1, kT, 77, 12345);
            r.thermostat(c1, kT, 77, 12345);
            a.pullState();
            assertClose(ref.state().vx, f(s.vx), vScale, "vx after O-step");
            assertClose(ref.state().vy, f(s.vy), vScale, "vy after O-step");
            assertEquals(r.kineticEnergy(), a.kineticEnergy(), 1e-4 * r.kineticEnergy(), "kinetic energy after O-step");
        }
    }
}
