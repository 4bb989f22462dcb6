package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-step sanity check ({@link ComputeBackend#motion()}) on every CPU backend, and the rule that an atom
 * displaced by more than half the skin since the last neighbour-list build makes the backend rebuild (never miss a
 * pair, never fail): after any displacement the forces are the reference's, which has no list at all.
 */
class SanityCheckTest {
    private static final String[] BACKENDS = {"reference", "cpu-gather", "cpu-slots"};

    @Property(tries = 30)
    void motionReportsTheLargestSpeedAndAccelerationAndNoBadAtom(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                                 @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System sys = TestSystems.random(seed, 1500, 100, 19.0);
        SplittableRandom rnd = new SplittableRandom(seed);
        ParticleState s = sys.state();
        for (int i = 0; i < s.n; i++) {
            s.vx[i] = rnd.nextGaussian() * 3;
            s.vy[i] = rnd.nextGaussian() * 3;
        }
        double maxV = 0;
        for (int i = 0; i < s.n; i++) {
            maxV = Math.max(maxV, Math.sqrt(s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i]));
        }
        for (String name : BACKENDS) {
            TestSystems.System copy = sys.copy();
            try (ComputeBackend b = Backends2.create(name, threads)) {
                b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.1));
                b.computeForces();
                double maxA = 0;
                for (int i = 0; i < s.n; i++) {
                    double im = 1.0 / copy.ff().mass(copy.state().type[i]);
                    maxA = Math.max(maxA, Math.hypot(copy.state().fx[i], copy.state().fy[i]) * im);
                }
                Motion m = b.motion();
                assertTrue(m.sound(), name);
                assertEquals(maxV, m.maxSpeed(), 1e-12 * maxV, name);
                assertEquals(maxA, m.maxAcceleration(), 1e-12 * maxA, name);
            }
        }
    }

    @Property(tries = 30)
    void motionNamesTheFirstAtomWithABadState(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                              @ForAll @IntRange(min = 0, max = 1499) int bad,
                                              @ForAll @IntRange(min = 0, max = 4) int what) {
        TestSystems.System sys = TestSystems.random(seed, 1500, 100, 19.0);
        for (String name : BACKENDS) {
            TestSystems.System copy = sys.copy();
            try (ComputeBackend b = Backends2.create(name, 2)) {
                b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.1));
                b.computeForces();
                ParticleState s = copy.state();
                switch (what) {
                    case 0 -> s.vx[bad] = Double.NaN;
                    case 1 -> s.vy[bad] = Double.POSITIVE_INFINITY;
                    case 2 -> s.fx[bad] = Double.NaN;
                    case 3 -> s.x[bad] = -8388608.0;
                    default -> s.y[bad] = s.boxY();
                }
                Motion m = b.motion();
                assertEquals(bad, m.firstBadAtom(), name + " case " + what);
            }
        }
    }

    @Property(tries = 40)
    void anAtomMovedBeyondHalfTheSkinForcesARebuildNotAMiss(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                            @ForAll @DoubleRange(min = 0.02, max = 0.3) double skin,
                                                            @ForAll @DoubleRange(min = 1.02, max = 8.0) double skins,
                                                            @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System sys = TestSystems.random(seed, 600, 40, 12.0);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED);
        for (String name : new String[] {"cpu-gather", "cpu-slots"}) {
            TestSystems.System copy = sys.copy();
            try (ComputeBackend b = Backends2.create(name, threads)) {
                b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(skin));
                b.computeForces();
                RebuildChecks.jumpBeyondHalfTheSkinRebuilds(b, copy, skin, skins, rnd, name);
            }
        }
    }
}
