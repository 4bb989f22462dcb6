package io.live2.compute.opencl;

import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.RebuildChecks;
import io.live2.compute.cpu.TestSystems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


/**
 * rebuildNeighbourList (what NeighbourBuildBenchmark times) builds once per call on the device, even when nothing
 * moved, waits for it, and changes no force: the rebuilt list (or cell bins) holds the same pairs.
 */
class RebuildNeighbourListTest {
    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    @ParameterizedTest
    @EnumSource(ForceKernel.class)
    void aForcedRebuildBuildsOnceAndLeavesTheForcesAlone(ForceKernel kernel) {
        TestSystems.System sys = TestSystems.random(31, 500, 60, 6.0);
        try (OpenClBackend b = new OpenClBackend(kernel)) {
            b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
            RebuildChecks.forcedRebuildBuildsOnceAndKeepsTheForces(b, sys.state());
        }
    }
}
