package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Analytic forces equal −∇U by central differences (h = 1e-6 nm) for LJ + Morse + soft 1-3 on random bonded
 * systems. Tolerance per component: |F − F_fd| ≤ 1e-6·(|F| + max|F|). Central differences have truncation
 * error O(h²·U''') and rounding error O(ε·|U|/h) ≈ 1e-7 kJ/mol/nm here, both far below that bound.
 */
class FiniteDifferenceTest {
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0} seed {1} box {2}")
    @CsvSource({"reference,1,2.4", "reference,2,3.5", "reference,3,2.2",
            "cpu-gather,1,2.4", "cpu-gather,2,3.5", "cpu-slots,4,3.2", "cpu-slots,5,4.0"})
    void forcesAreMinusTheEnergyGradient(String backend, long seed, double box) {
        TestSystems.System sys = TestSystems.random(seed, 30, 5, box);
        try (ComputeBackend b = Backends2.create(backend, 2)) {
            b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            Energies e0 = b.computeForces();
            assertTrue(e0.bonds() < 0, "the fragments' bonds contribute");
            ParticleState s = sys.state();
            double[] fx = s.fx.clone();
            double[] fy = s.fy.clone();
            double maxF = 0;
            for (int i = 0; i < s.n; i++) {
                maxF = Math.max(maxF, Math.max(Math.abs(fx[i]), Math.abs(fy[i])));
            }
            for (int i = 0; i < s.n; i++) {
                double gx = derivative(b, s, s.x, i, s.boxX());
                double gy = derivative(b, s, s.y, i, s.boxY());
                assertClose(fx[i], -gx, maxF, "fx[" + i + "]");
                assertClose(fy[i], -gy, maxF, "fy[" + i + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"reference", "cpu"})
    void oneThreeRepulsionIsExercised(String backend) {
        // a fragment squeezed so its two H atoms sit inside r13: the 1-3 energy must be positive
        TestSystems.System sys = TestSystems.random(7, 3, 1, 3.0);
        ParticleState s = sys.state();
        s.x[1] = s.x[0] + 0.1;
        s.y[1] = s.y[0];
        s.x[2] = s.x[0];
        s.y[2] = s.y[0] + 0.09;
        try (ComputeBackend b = Backends2.create(backend, 1)) {
            b.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            assertTrue(b.computeForces().repulsion13() > 0);
        }
    }

    private static double derivative(ComputeBackend b, ParticleState s, double[] coord, int i, double box) {
        double x0 = coord[i];
        coord[i] = ParticleState.wrap(x0 + H, box);
        double up = b.computeForces().potential();
        coord[i] = ParticleState.wrap(x0 - H, box);
        double down = b.computeForces().potential();
        coord[i] = x0;
        return (up - down) / (2 * H);
    }

    private static void assertClose(double analytic, double numeric, double maxF, String what) {
        double bound = TOLERANCE * (Math.abs(analytic) + maxF);
        assertTrue(Math.abs(analytic - numeric) <= bound,
                what + ": analytic " + analytic + " vs finite difference " + numeric + " (bound " + bound + ")");
    }
}
