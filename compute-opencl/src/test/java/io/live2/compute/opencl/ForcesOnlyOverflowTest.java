package io.live2.compute.opencl;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.TestSystems;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * computeForcesOnly reads nothing back, so a neighbour list that overflows during those steps is only noticed at
 * the next synchronisation: until then the overflowing atoms' forces must still be right (the force kernel scans
 * their cells). The list is shrunk to 2 partners per atom, velocity-Verlet steps run with forces only (fewer than
 * the periodic status read), and the forces on the pulled state are compared with the reference backend at the
 * same positions (bound of ForceParityTest). Then the host must have grown the list, and later steps use it.
 */
class ForcesOnlyOverflowTest {
    static final int STEPS = OpenClBackend.SYNC_EVERY - 4;

    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    /** max_i |F_i(opencl) - F_i(reference)| / max_i |F_i(reference)| at the positions in sys. */
    static double forceDeviation(TestSystems.System sys) {
        TestSystems.System ref = sys.copy();
        try (ComputeBackend r = Backends.create("reference", 1)) {
            r.bind(ref.state(), ref.topology(), ref.ff(), new NeighborSettings(0.1));
            r.computeForces();
        }
        ParticleState so = sys.state();
        ParticleState sr = ref.state();
        double maxF = 0;
        double maxDev = 0;
        for (int i = 0; i < so.n; i++) {
            maxF = Math.max(maxF, Math.hypot(sr.fx[i], sr.fy[i]));
            maxDev = Math.max(maxDev, Math.hypot(so.fx[i] - sr.fx[i], so.fy[i] - sr.fy[i]));
        }
        return maxDev / maxF;
    }

    static void steps(OpenClBackend b, int count, double dt) {
        for (int s = 0; s < count; s++) {
            b.kick(0.5 * dt);
            b.drift(dt);
            b.computeForcesOnly();
            b.kick(0.5 * dt);
        }
    }

    @Test
    void overflowDuringForcesOnlyStepsGivesTheReferenceForces() {
        TestSystems.System sys = TestSystems.random(21, 420, 70, 5.0);
        OpenClTests.roundToFloat(sys.state());
        double dt = 0.0005;
        try (OpenClBackend b = new OpenClBackend(ForceKernel.LIST)) {
            b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            b.computeForces();
            int normal = b.neighbourCapacity();
            b.neighbourCapacity(2);
            steps(b, STEPS, dt);
            assertEquals(0, b.listGrowths(), "forces-only steps must not have read the status back");
            b.pullState(); // synchronises: the host learns of the overflow now
            assertEquals(1, b.listGrowths(), "the builds during the steps overflowed a 2-partner list");
            assertTrue(b.neighbourCapacity() > 2 && b.neighbourCapacity() <= normal + normal / 2 + 16,
                    "the list grew to what the builds needed: " + b.neighbourCapacity());
            double overflowed = forceDeviation(sys);
            System.out.printf("forces after %d forces-only steps on an overflowing list: max|dF|/max|F| = %.3e%n",
                    STEPS, overflowed);
            assertTrue(overflowed <= ForceParityTest.FORCE_TOL, "force deviation " + overflowed);

            steps(b, STEPS, dt);
            b.pullState();
            assertEquals(1, b.listGrowths(), "the grown list holds every atom's partners");
            double grown = forceDeviation(sys);
            assertTrue(grown <= ForceParityTest.FORCE_TOL, "force deviation after growing " + grown);
        }
    }

    /** The SPI promises the same force bytes from computeForcesOnly and computeForces, on every force path. */
    @Test
    void forcesOnlyWritesTheSameForcesAsAFullEvaluation() {
        for (ForceKernel kernel : ForceKernel.values()) {
            TestSystems.System sys = TestSystems.random(22, 300, 50, 4.6);
            try (OpenClBackend b = new OpenClBackend(kernel)) {
                b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
                b.computeForces();
                steps(b, 25, 0.0005);
                b.pullState();
                double[] fx = sys.state().fx.clone();
                double[] fy = sys.state().fy.clone();
                b.computeForces();
                b.pullState();
                assertArrayEquals(fx, sys.state().fx, kernel + " fx");
                assertArrayEquals(fy, sys.state().fy, kernel + " fy");
            }
        }
    }
}
