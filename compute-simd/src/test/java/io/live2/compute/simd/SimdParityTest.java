package io.live2.compute.simd;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity of "simd" with the all-pairs "reference" on random systems with bonds and 1-3 pairs. The design is
 * bit-identical (each lane sums its own atom's partners in ascending order, the reference's order), so the
 * primary assertion is exact equality of every force component and every energy term; a relative-tolerance
 * check (1e-12 of the largest force) runs first so that a failure also says how far off it is.
 */
class SimdParityTest {
    record Result(double[] fx, double[] fy, Energies energies) {
    }

    static ComputeBackend create(String name, int threads) {
        return switch (name) {
            case "reference" -> Backends.create("reference", 1);
            case "cpu" -> Backends.create("cpu", threads);
            case "simd" -> new SimdBackend(threads);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Result forces(String backend, int threads, TestSystems.System sys, double skin) {
        TestSystems.System copy = sys.copy();
        try (ComputeBackend b = create(backend, threads)) {
            b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(skin));
            Energies e = b.computeForces();
            return new Result(copy.state().fx, copy.state().fy, e);
        }
    }

    static void assertClose(Result expected, Result actual, String what) {
        double scale = 0;
        for (int i = 0; i < expected.fx().length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(expected.fx()[i]), Math.abs(expected.fy()[i])));
        }
        double tol = 1e-12 * Math.max(scale, 1e-300);
        for (int i = 0; i < expected.fx().length; i++) {
            assertTrue(Math.abs(expected.fx()[i] - actual.fx()[i]) <= tol, what + ": fx[" + i + "] "
                    + expected.fx()[i] + " vs " + actual.fx()[i]);
            assertTrue(Math.abs(expected.fy()[i] - actual.fy()[i]) <= tol, what + ": fy[" + i + "]");
        }
    }

    static void assertSameBytes(Result expected, Result actual, String what) {
        assertClose(expected, actual, what);
        assertArrayEquals(expected.fx(), actual.fx(), what + ": fx");
        assertArrayEquals(expected.fy(), actual.fy(), what + ": fy");
        assertEquals(expected.energies(), actual.energies(), what + ": energies");
    }

    @Property(tries = 60)
    void simdEqualsReferenceOnSmallSystems(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                           @ForAll @IntRange(min = 1, max = 90) int atoms,
                                           @ForAll @DoubleRange(min = 2.2, max = 6.0) double box,
                                           @ForAll @DoubleRange(min = 0.0, max = 0.2) double skin,
                                           @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System sys = TestSystems.random(seed, atoms, atoms / 6, box);
        assertSameBytes(forces("reference", 1, sys, skin), forces("simd", threads, sys, skin), "simd x" + threads);
    }

    @Property(tries = 4)
    void simdEqualsReferenceAcrossSeveralBlocks(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                @ForAll @IntRange(min = 2001, max = 2600) int atoms) {
        // several reduction blocks, a ragged last group; about 4 atoms/nm², the default density
        TestSystems.System sys = TestSystems.random(seed, atoms, 200, 25.5);
        Result reference = forces("reference", 1, sys, 0.1);
        for (int threads = 1; threads <= 3; threads++) {
            assertSameBytes(reference, forces("simd", threads, sys, 0.1), "simd x" + threads);
        }
    }

    @Property(tries = 6)
    void threadCountDoesNotChangeTheBytesAndCpuAgrees(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        TestSystems.System sys = TestSystems.random(seed, 5000, 400, 36.0);
        Result cpu = forces("cpu", 1, sys, 0.15);
        assertSameBytes(cpu, forces("simd", 1, sys, 0.15), "simd 1 thread vs cpu");
        assertSameBytes(cpu, forces("simd", 2, sys, 0.15), "simd 2 threads vs cpu");
        assertSameBytes(cpu, forces("simd", 3, sys, 0.15), "simd 3 threads vs cpu");
    }

    @Property(tries = 5)
    void forcesOnlyGivesTheSameForces(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        TestSystems.System sys = TestSystems.random(seed, 700, 60, 13.0);
        Result full = forces("simd", 2, sys, 0.1);
        TestSystems.System copy = sys.copy();
        try (SimdBackend b = new SimdBackend(2)) {
            b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.1));
            b.computeForcesOnly();
        }
        assertArrayEquals(full.fx(), copy.state().fx);
        assertArrayEquals(full.fy(), copy.state().fy);
    }

    /** H, C, N, O (the indices TestSystems uses) and four more: 64 type pairs, beyond the permute tables' 2L. */
    private static final ForceField EIGHT_TYPES = new ForceField(
            java.util.stream.Stream.of("H", "C", "N", "O", "S", "P", "F", "Cl")
                    .map(e -> ParticleType.of(TestSystems.DB.element(e))).toList(),
            BondRule.fromDatabase(TestSystems.DB), 2.5);

    @Property(tries = 5)
    void manyTypesTakeTheGatherPathAndMatchReference(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 1, max = 3) int threads) {
        TestSystems.System base = TestSystems.random(seed, 1500, 100, 19.0);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        // the fragments (first 300 atoms) keep their bonded H/C/N/O types; free atoms get any of the eight
        for (int i = 300; i < base.state().n; i++) {
            base.state().type[i] = rnd.nextInt(8);
        }
        TestSystems.System sys = new TestSystems.System(base.state(), base.topology(), EIGHT_TYPES);
        assertTrue(EIGHT_TYPES.typeCount() * EIGHT_TYPES.typeCount() > 2 * LjVectorKernel.L);
        Result reference = forces("reference", 1, sys, 0.1);
        assertSameBytes(reference, forces("simd", threads, sys, 0.1), "simd x" + threads + ", eight types");
        TestSystems.System copy = sys.copy();
        try (SimdBackend b = new SimdBackend(threads)) {
            b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.1));
            b.computeForcesOnly();
        }
        assertArrayEquals(reference.fx(), copy.state().fx, "forces only, eight types");
        assertArrayEquals(reference.fy(), copy.state().fy, "forces only, eight types");
    }

    /**
     * The one-type kernel (the lj fluid's: it copies each group's partner positions and reads them contiguously)
     * on a jittered lattice, with and without energies, at 1-3 threads: the reference's bytes.
     */
    @Property(tries = 6)
    void oneTypeKernelMatchesReference(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                       @ForAll @IntRange(min = 1, max = 3) int threads) {
        LjSystem lj = LjSystem.lattice(1600, 0.7, 2.5, 1.0, seed);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double box = lj.state().boxX();
        for (int i = 0; i < lj.state().n; i++) {
            lj.state().x[i] = ParticleState.wrap(lj.state().x[i] + 0.8 * (rnd.nextDouble() - 0.5), box);
            lj.state().y[i] = ParticleState.wrap(lj.state().y[i] + 0.8 * (rnd.nextDouble() - 0.5), box);
        }
        TestSystems.System sys = new TestSystems.System(lj.state(), lj.topology(), lj.forceField());
        assertEquals(1, sys.ff().typeCount());
        Result reference = forces("reference", 1, sys, 0.3);
        assertSameBytes(reference, forces("simd", threads, sys, 0.3), "simd x" + threads + ", one type");
        TestSystems.System copy = sys.copy();
        try (SimdBackend b = new SimdBackend(threads)) {
            b.bind(copy.state(), copy.topology(), copy.ff(), new NeighborSettings(0.3));
            b.computeForcesOnly();
        }
        assertArrayEquals(reference.fx(), copy.state().fx, "forces only, one type");
        assertArrayEquals(reference.fy(), copy.state().fy, "forces only, one type");
    }
}
