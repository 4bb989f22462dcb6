package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The determinism contract: "cpu" gives the same bytes as "reference" (forces and every energy term), and the
 * same bytes for 1, 2 and 3 threads, with either of its two LJ kernels. Exact equality, not a tolerance: both sum each atom's pair forces in
 * ascending partner order and reduce energies over the same fixed blocks.
 */
class BitIdentityTest {
    /** Both LJ kernels of the threaded backend, pinned. */
    private static final String[] KERNELS = {"cpu-gather", "cpu-slots"};

    record Result(double[] fx, double[] fy, Energies energies) {
    }

    static Result forces(String backend, int threads, TestSystems.System sys, double skin) {
        TestSystems.System copy = sys.copy();
        try (ComputeBackend b = Backends2.create(backend, threads)) {
            b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(skin));
            Energies e = b.computeForces();
            return new Result(copy.state().fx, copy.state().fy, e);
        }
    }

    static void assertSameBytes(Result expected, Result actual, String what) {
        assertArrayEquals(expected.fx(), actual.fx(), what + ": fx");
        assertArrayEquals(expected.fy(), actual.fy(), what + ": fy");
        assertEquals(expected.energies(), actual.energies(), what + ": energies");
    }

    @Property(tries = 40)
    void threadedEqualsReferenceOnSmallSystems(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                               @ForAll @IntRange(min = 1, max = 90) int atoms,
                                               @ForAll @DoubleRange(min = 2.2, max = 6.0) double box,
                                               @ForAll @DoubleRange(min = 0.0, max = 0.2) double skin,
                                               @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System sys = TestSystems.random(seed, atoms, atoms / 6, box);
        Result reference = forces("reference", 1, sys, skin);
        for (String kernel : KERNELS) {
            assertSameBytes(reference, forces(kernel, threads, sys, skin), kernel + " x" + threads + " vs reference");
        }
    }

    @Property(tries = 3)
    void threadedEqualsReferenceAcrossSeveralBlocks(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        // 2,600 atoms span three reduction blocks; about 4 atoms/nm², the default density
        TestSystems.System sys = TestSystems.random(seed, 2600, 200, 25.5);
        Result reference = forces("reference", 1, sys, 0.1);
        for (String kernel : KERNELS) {
            for (int threads = 1; threads <= 3; threads++) {
                assertSameBytes(reference, forces(kernel, threads, sys, 0.1), kernel + " x" + threads + " vs reference");
            }
        }
    }

    @Property(tries = 10)
    void threadCountDoesNotChangeTheBytes(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        TestSystems.System sys = TestSystems.random(seed, 5000, 400, 36.0);
        Result one = forces("cpu", 1, sys, 0.15);
        for (String kernel : KERNELS) {
            assertSameBytes(one, forces(kernel, 1, sys, 0.15), kernel + " 1 thread vs cpu 1 thread");
            assertSameBytes(one, forces(kernel, 2, sys, 0.15), kernel + " 2 threads vs cpu 1 thread");
            assertSameBytes(one, forces(kernel, 3, sys, 0.15), kernel + " 3 threads vs cpu 1 thread");
        }
    }
}
