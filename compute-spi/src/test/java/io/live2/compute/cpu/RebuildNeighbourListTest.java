package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ComputeBackend.rebuildNeighbourList (what NeighbourBuildBenchmark times): it builds once per call, even when
 * nothing moved, and a forced rebuild changes no force; the all-pairs reference has no list and says so.
 */
class RebuildNeighbourListTest {
    @Test
    void aForcedRebuildBuildsOnceAndLeavesTheForcesAlone() {
        TestSystems.System sys = TestSystems.random(21, 600, 60, 12.0);
        ParticleState s = sys.state();
        try (ComputeBackend b = Backends2.create("cpu", 2)) {
            b.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            RebuildChecks.forcedRebuildBuildsOnceAndKeepsTheForces(b, s);
        }
    }

    @Test
    void theReferenceBackendHasNoList() {
        TestSystems.System sys = TestSystems.random(22, 50, 5, 6.0);
        try (ComputeBackend b = Backends2.create("reference", 1)) {
            b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    b::rebuildNeighbourList);
            assertTrue(e.getMessage().contains("reference"), e.getMessage());
        }
    }
}
