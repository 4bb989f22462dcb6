package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.model.ParticleState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract of ComputeBackend.rebuildNeighbourList (what NeighbourBuildBenchmark times), shared by every
 * backend's test: it builds once per call, even when nothing moved, and changes no force. Through the test jar.
 */
public final class RebuildChecks {
    private RebuildChecks() {
    }

    /** b is bound to state; pullState makes a device backend's forces visible (a no-op on the CPU). */
    public static void forcedRebuildBuildsOnceAndKeepsTheForces(ComputeBackend b, ParticleState state) {
        b.computeForces();
        b.pullState();
        double[] fx = state.fx.clone();
        double[] fy = state.fy.clone();
        long before = b.neighbourBuilds();
        b.rebuildNeighbourList();
        b.rebuildNeighbourList();
        assertEquals(before + 2, b.neighbourBuilds(), "one build per rebuildNeighbourList call");
        b.computeForces();
        assertEquals(before + 2, b.neighbourBuilds(), "nothing moved: the forces reuse the rebuilt list");
        b.pullState();
        assertArrayEquals(fx, state.fx, "fx after the forced rebuilds");
        assertArrayEquals(fy, state.fy, "fy after the forced rebuilds");
    }
}
