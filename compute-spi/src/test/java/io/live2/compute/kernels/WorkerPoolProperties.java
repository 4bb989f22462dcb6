package io.live2.compute.kernels;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pool's contract under its spin-then-park hand-off: every block of every round runs exactly once, on a
 * worker index inside the pool, and its writes are visible when run() returns; rounds far apart (workers parked)
 * and back to back (workers spinning) both work; a failure reaches the caller and the pool stays usable.
 * A lost wake-up would hang a round, which surefire reports as a failure of this class.
 */
class WorkerPoolProperties {

    @Property(tries = 40)
    void everyBlockRunsOncePerRound(@ForAll @IntRange(min = 1, max = 4) int threads,
                                    @ForAll @IntRange(min = 0, max = 40) int blocks,
                                    @ForAll @IntRange(min = 1, max = 300) int rounds) {
        try (WorkerPool pool = new WorkerPool(threads, "test-pool")) {
            int[] runs = new int[Math.max(blocks, 1)];
            AtomicIntegerArray badWorker = new AtomicIntegerArray(1);
            for (int r = 0; r < rounds; r++) {
                int round = r;
                pool.run((b, w) -> {
                    if (w < 0 || w >= threads) {
                        badWorker.set(0, 1);
                    }
                    // plain writes: run() must publish them to the caller
                    if (runs[b] != round) {
                        badWorker.set(0, 2);
                    }
                    runs[b] = round + 1;
                }, blocks);
                for (int b = 0; b < blocks; b++) {
                    assertEquals(round + 1, runs[b], "block " + b + " after round " + round);
                }
            }
            assertEquals(0, badWorker.get(0), "a block ran on a bad worker index (1) or twice in a round (2)");
        }
    }

    @Test
    void roundsAfterTheWorkersHaveParked() {
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            long[] sums = new long[8];
            for (int r = 0; r < 5; r++) {
                // let the spin window pass so that every worker parks before the next round
                LockSupport.parkNanos(5 * WorkerPool.SPIN_NANOS);
                pool.run((b, w) -> sums[b] += b + 1, 8);
            }
            for (int b = 0; b < 8; b++) {
                assertEquals(5L * (b + 1), sums[b]);
            }
        }
    }

    @Test
    void aFailingBlockReachesTheCallerAndThePoolStaysUsable() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            IllegalStateException boom = new IllegalStateException("block 5 failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.run((b, w) -> {
                if (b == 5) {
                    throw boom;
                }
            }, 16));
            assertSame(boom, thrown);
            int[] ran = new int[16];
            pool.run((b, w) -> ran[b]++, 16);
            for (int b = 0; b < 16; b++) {
                assertEquals(1, ran[b]);
            }
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        WorkerPool pool = new WorkerPool(2, "test-pool");
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.run((b, w) -> { }, 4));
    }
}
