package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neighbour list stays correct while atoms move: the threaded backend and the all-pairs reference step the
 * same system side by side (velocity Verlet with a Langevin O-step) and must agree to the bit after every step,
 * across many list rebuilds and a bond change in the middle.
 */
class TrajectoryTest {
    private static final double DT = 0.0005;

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"cpu-gather,3", "cpu-slots,3", "cpu-slots,1"})
    void threadedFollowsReferenceThroughRebuildsAndBondChanges(String kernel, int threads) {
        TestSystems.System sys = TestSystems.random(21, 300, 30, 9.0);
        TestSystems.System a = sys.copy();
        TestSystems.System b = sys.copy();
        try (ComputeBackend ref = Backends2.create("reference", 1); ComputeBackend cpu = Backends2.create(kernel, threads)) {
            ref.bind(a.state(), a.topology(), a.ff(), new NeighborSettings(0.1));
            cpu.bind(b.state(), b.topology(), b.ff(), new NeighborSettings(0.1));
            assertEquals(ref.computeForces(), cpu.computeForces());
            for (int step = 1; step <= 300; step++) {
                if (step == 150) {
                    // bond two free atoms (slots 290 and 291 are single atoms) and tell both backends
                    retype(a, b, 290, "C");
                    retype(a, b, 291, "H");
                    a.topology().addBond(290, 291, 1);
                    b.topology().addBond(290, 291, 1);
                    ref.topologyChanged();
                    cpu.topologyChanged();
                }
                ref.kick(0.5 * DT);
                cpu.kick(0.5 * DT);
                ref.drift(DT);
                cpu.drift(DT);
                ref.thermostat(0.99, 2.5, 5, step);
                cpu.thermostat(0.99, 2.5, 5, step);
                assertEquals(ref.computeForces(), cpu.computeForces(), "energies at step " + step);
                ref.kick(0.5 * DT);
                cpu.kick(0.5 * DT);
                assertEquals(a.state(), b.state(), "state at step " + step);
                assertArrayEquals(a.state().fx, b.state().fx, "fx at step " + step);
                assertEquals(ref.kineticEnergy(), cpu.kineticEnergy(), "kinetic energy at step " + step);
            }
            assertTrue(cpu.neighbourBuilds() > 5, "atoms moved far enough to force rebuilds: " + cpu.neighbourBuilds());
        }
    }

    private static void retype(TestSystems.System a, TestSystems.System b, int slot, String symbol) {
        a.state().type[slot] = TestSystems.type(symbol);
        b.state().type[slot] = TestSystems.type(symbol);
    }

    @Test
    void forEachPairWithinVisitsExactlyTheReferencePairs() {
        TestSystems.System sys = TestSystems.random(33, 400, 40, 10.0);
        try (ComputeBackend ref = Backends2.create("reference", 1); ComputeBackend cpu = Backends2.create("cpu", 2)) {
            TestSystems.System a = sys.copy();
            TestSystems.System b = sys.copy();
            ref.bind(a.state(), a.topology(), a.ff(), new NeighborSettings(0.2));
            cpu.bind(b.state(), b.topology(), b.ff(), new NeighborSettings(0.2));
            for (int round = 0; round < 20; round++) {
                for (double d : new double[] {0.3, 0.6, sys.ff().maxCutoff() + 0.2}) {
                    List<String> expected = pairs(ref, d);
                    assertTrue(!expected.isEmpty());
                    List<String> actual = pairs(cpu, d);
                    // compare sizes first: a full dump of hundreds of pairs would bury the message
                    assertEquals(expected.size(), actual.size(), "number of pairs within " + d + " in round " + round);
                    assertTrue(expected.equals(actual), "pairs within " + d + " in round " + round);
                }
                ref.drift(0.01);
                cpu.drift(0.01);
            }
            assertThrows(IllegalArgumentException.class, () -> pairs(cpu, sys.ff().maxCutoff() + 0.3));
        }
    }

    private static List<String> pairs(ComputeBackend b, double d) {
        List<String> out = new ArrayList<>();
        b.forEachPairWithin(d, (i, j, r2) -> out.add(i + "-" + j + ":" + Double.doubleToLongBits(r2)));
        return out;
    }

    @Test
    void boxTooSmallForTheReachIsAClearError() {
        TestSystems.System sys = TestSystems.random(1, 10, 0, 2.0);
        try (ComputeBackend cpu = Backends2.create("cpu", 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cpu.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.3)));
            assertTrue(e.getMessage().contains("half the shorter box side"), e.getMessage());
        }
    }

    @Test
    void unwrappedPositionsAreAClearError() {
        TestSystems.System sys = TestSystems.random(2, 10, 0, 4.0);
        ParticleState s = sys.state();
        s.x[3] = -0.5;
        try (ComputeBackend cpu = Backends2.create("cpu", 1)) {
            cpu.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            IllegalStateException e = assertThrows(IllegalStateException.class, cpu::computeForces);
            assertTrue(e.getMessage().contains("wrapped"), e.getMessage());
        }
    }
}
