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

    /**
     * b is bound to sys with this skin and has computed forces: one atom jumps by {@code halfSkins}·skin/2 (more than
     * half the skin) in a random direction; the next force evaluation must rebuild the neighbour list and give the
     * all-pairs reference's forces to the bit (never miss a pair, never fail). Returns the atom that jumped.
     */
    public static int jumpBeyondHalfTheSkinRebuilds(ComputeBackend b, TestSystems.System sys, double skin,
                                                   double halfSkins, java.util.SplittableRandom rnd, String what) {
        long builds = b.neighbourBuilds();
        ParticleState s = sys.state();
        int i = rnd.nextInt(s.n);
        double angle = rnd.nextDouble() * 2 * Math.PI;
        double d = halfSkins * 0.5 * skin;
        s.x[i] = ParticleState.wrap(s.x[i] + d * Math.cos(angle), s.boxX());
        s.y[i] = ParticleState.wrap(s.y[i] + d * Math.sin(angle), s.boxY());
        b.computeForces();
        org.junit.jupiter.api.Assertions.assertTrue(b.neighbourBuilds() > builds,
                what + ": moved " + d + " nm > skin/2 without a rebuild");
        BitIdentityTest.Result ref = BitIdentityTest.forces("reference", 1, sys, skin);
        assertArrayEquals(ref.fx(), s.fx, what + " fx after the jump");
        assertArrayEquals(ref.fy(), s.fy, what + " fy after the jump");
        return i;
    }
}
