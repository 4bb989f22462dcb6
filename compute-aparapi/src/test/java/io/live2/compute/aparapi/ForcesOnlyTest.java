package io.live2.compute.aparapi;

import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.RebuildChecks;
import io.live2.compute.cpu.TestSystems;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * computeForcesOnly skips the energy reduction and its read-back; the SPI promises the same force bytes as
 * computeForces. Checked after velocity-Verlet steps that used forces only (so neighbour rebuilds happened on that
 * path), and against the reference at the tolerance of {@link ForceParityTest}.
 */
class ForcesOnlyTest {

    @Test
    void forcesOnlyStepsGiveTheForcesOfAFullEvaluation() {
        Aparapi.require();
        TestSystems.System sys = TestSystems.random(31, 400, 60, 7.0);
        double dt = 0.0005;
        try (AparapiBackend a = new AparapiBackend()) {
            a.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            a.computeForces();
            for (int s = 0; s < 200; s++) {
                a.kick(0.5 * dt);
                a.drift(dt);
                a.computeForcesOnly();
                a.kick(0.5 * dt);
            }
            assertTrue(a.neighbourBuilds() > 1, "the steps must have rebuilt the list");
            a.pullState();
            double[] fx = sys.state().fx.clone();
            double[] fy = sys.state().fy.clone();
            a.computeForces();
            a.pullState();
            assertArrayEquals(fx, sys.state().fx);
            assertArrayEquals(fy, sys.state().fy);
            double w = RebindAndOverflowTest.worstForceDeviation(sys, a);
            assertTrue(w <= ForceParityTest.FORCE_TOL, "worst relative force deviation " + w);
        }
    }

    /** rebuildNeighbourList (what NeighbourBuildBenchmark times) builds once per call and changes no force. */
    @Test
    void aForcedRebuildBuildsOnceAndLeavesTheForcesAlone() {
        Aparapi.require();
        TestSystems.System sys = TestSystems.random(32, 400, 60, 7.0);
        try (AparapiBackend a = new AparapiBackend()) {
            a.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            RebuildChecks.forcedRebuildBuildsOnceAndKeepsTheForces(a, sys.state());
        }
    }
}
