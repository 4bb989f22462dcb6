package io.live2.compute.simd;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trajectories: "simd" and the all-pairs reference step the same bonded system side by side (velocity Verlet with
 * a Langevin O-step) through many list rebuilds and a bond change, and must agree to the bit after every step;
 * 1 and 2 threads give the same bytes.
 */
class SimdTrajectoryTest {
    private static final double DT = 0.0005;

    @ParameterizedTest(name = "x{0}")
    @ValueSource(ints = {1, 2, 3})
    void simdFollowsReferenceThroughRebuildsAndBondChanges(int threads) {
        TestSystems.System sys = TestSystems.random(21, 300, 30, 9.0);
        TestSystems.System a = sys.copy();
        TestSystems.System b = sys.copy();
        try (ComputeBackend ref = SimdParityTest.create("reference", 1); ComputeBackend simd = new SimdBackend(threads)) {
            ref.bind(a.state(), a.topology(), a.ff(), new NeighborSettings(0.1));
            simd.bind(b.state(), b.topology(), b.ff(), new NeighborSettings(0.1));
            assertEquals(ref.computeForces(), simd.computeForces());
            for (int step = 1; step <= 300; step++) {
                if (step == 150) {
                    for (TestSystems.System s : List.of(a, b)) {
                        s.state().type[290] = TestSystems.type("C");
                        s.state().type[291] = TestSystems.type("H");
                        s.topology().addBond(290, 291, 1);
                    }
                    ref.topologyChanged();
                    simd.topologyChanged();
                }
                ref.kick(0.5 * DT);
                simd.kick(0.5 * DT);
                ref.drift(DT);
                simd.drift(DT);
                ref.thermostat(0.99, 2.5, 5, step);
                simd.thermostat(0.99, 2.5, 5, step);
                assertEquals(ref.computeForces(), simd.computeForces(), "energies at step " + step);
                ref.kick(0.5 * DT);
                simd.kick(0.5 * DT);
                assertEquals(a.state(), b.state(), "state at step " + step);
                assertArrayEquals(a.state().fx, b.state().fx, "fx at step " + step);
                assertEquals(ref.kineticEnergy(), simd.kineticEnergy(), "kinetic energy at step " + step);
            }
            assertTrue(simd.neighbourBuilds() > 5, "atoms moved far enough to force rebuilds: " + simd.neighbourBuilds());
        }
    }

    @ParameterizedTest(name = "{0} atoms")
    @ValueSource(ints = {1500, 4100})
    void oneAndTwoThreadsGiveTheSameBytes(int atoms) {
        TestSystems.System sys = TestSystems.random(7, atoms, atoms / 10, Math.sqrt(atoms / 4.0));
        ParticleState one = run(sys.copy(), 1);
        ParticleState two = run(sys.copy(), 2);
        assertArrayEquals(one.x, two.x);
        assertArrayEquals(one.y, two.y);
        assertArrayEquals(one.vx, two.vx);
        assertArrayEquals(one.vy, two.vy);
        assertArrayEquals(one.fx, two.fx);
        assertArrayEquals(one.fy, two.fy);
    }

    private static ParticleState run(TestSystems.System s, int threads) {
        try (SimdBackend b = new SimdBackend(threads)) {
            b.bind(s.state(), s.topology(), s.ff(), new NeighborSettings(0.1));
            b.computeForces();
            for (int step = 1; step <= 200; step++) {
                b.kick(0.5 * DT);
                b.drift(DT);
                b.thermostat(0.99, 2.5, 11, step);
                b.computeForces();
                b.kick(0.5 * DT);
            }
        }
        return s.state();
    }
}
