package io.live2.compute.simd;

import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.RebuildChecks;
import io.live2.compute.cpu.TestSystems;
import io.live2.model.ParticleState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An atom displaced by more than half the skin since the simd lane list was built makes the backend rebuild (its
 * reference positions are floats, so it rebuilds a rounding margin early, never late): the forces after any jump
 * are the all-pairs reference's, to the bit. Also the sanity check sees a bad atom on this backend.
 */
class SimdSkinRebuildTest {
    @Property(tries = 40)
    void anAtomMovedBeyondHalfTheSkinForcesARebuild(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                    @ForAll @DoubleRange(min = 0.02, max = 0.3) double skin,
                                                    @ForAll @DoubleRange(min = 1.02, max = 8.0) double halfSkins,
                                                    @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System sys = TestSystems.random(seed, 600, 40, 12.0);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED);
        try (ComputeBackend b = new SimdBackend(threads)) {
            b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(skin));
            b.computeForces();
            int i = RebuildChecks.jumpBeyondHalfTheSkinRebuilds(b, sys, skin, halfSkins, rnd, "simd x" + threads);
            ParticleState s = sys.state();
            s.vx[i] = Double.NaN;
            assertTrue(b.motion().firstBadAtom() == i, "the sanity check names the atom with a NaN velocity");
        }
    }
}
