package io.live2.compute.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run the blocks of one task at a time. The calling thread works too, so a pool
 * for T threads starts T − 1 daemon threads (none for T = 1, where everything runs inline). Blocks are claimed
 * dynamically; results never depend on which thread ran a block because every block writes only its own
 * atoms and its own partial sums. A round allocates nothing.
 *
 * <p>A time step is four or five short rounds (kick, drift, forces, kick, ...) of a few hundred microseconds or
 * less each. Waking a parked thread costs tens of microseconds on a virtual machine, which at 10,000 atoms ate
 * most of what a second thread gains. So waiting threads first spin for {@link #SPIN_NANOS} (the next round of
 * a running simulation nearly always comes within that), and only then park; the caller likewise spins before
 * parking while the last blocks finish. Parking is still the rule when the simulation pauses (host-side
 * reactions, output), so an idle pool costs no CPU.
 */
public final class WorkerPool implements AutoCloseable {
    /** One block of work; worker is 0..threads-1 and selects that thread's scratch buffers. */
    public interface BlockTask {
        void run(int block, int worker);
    }

    /** How long a waiting thread spins before it parks: well above one round, well below a human pause. */
    static final long SPIN_NANOS = 200_000;

    private final Thread[] workers;
    /** Per worker: true while it is parked (or about to park), so the caller unparks only sleepers. */
    private final AtomicInteger[] sleeping;
    private final AtomicInteger nextBlock = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile BlockTask task;
    private volatile int blocks;
    private volatile int generation;
    private volatile boolean closed;
    private volatile boolean callerSleeping;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        workers = new Thread[threads - 1];
        sleeping = new AtomicInteger[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int index = w + 1;
            sleeping[w] = new AtomicInteger();
            workers[w] = Thread.ofPlatform().daemon().name(name + "-" + index).unstarted(() -> loop(index));
            workers[w].start();
        }
    }

    public int threads() {
        return workers.length + 1;
    }

    /** Runs task on blocks 0..count-1 and returns when all are done; rethrows the first failure. */
    public void run(BlockTask t, int count) {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        if (workers.length == 0 || count <= 1) {
            for (int b = 0; b < count; b++) {
                t.run(b, 0);
            }
            return;
        }
        task = t;
        blocks = count;
        nextBlock.set(0);
        finished.set(0);
        failure = null;
        caller = Thread.currentThread();
        generation++; // volatile write: publishes the fields above to spinning and waking workers
        for (int w = 0; w < workers.length; w++) {
            // a worker sets its flag before its last look at generation, so either it sees the new round or we
            // see its flag (both are sequentially consistent volatile accesses)
            if (sleeping[w].get() != 0) {
                LockSupport.unpark(workers[w]);
            }
        }
        work(0);
        awaitWorkers();
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    private void awaitWorkers() {
        long spinStart = System.nanoTime();
        while (finished.get() < workers.length) {
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                pause();
                continue;
            }
            callerSleeping = true;
            if (finished.get() < workers.length) {
                LockSupport.park(this);
            }
            callerSleeping = false;
        }
    }

    /**
     * One wait in a spin: gives the core away when another thread wants it. On a loaded machine the thread we
     * wait for may be queued behind us on this very core; a pure busy-wait would keep it off for the whole spin.
     */
    private static void pause() {
        Thread.yield();
    }

    private void work(int worker) {
        BlockTask t = task;
        int count = blocks;
        try {
            int b;
            while ((b = nextBlock.getAndIncrement()) < count) {
                t.run(b, worker);
            }
        } catch (Throwable e) {
            failure = e;
            nextBlock.set(count); // let the others stop early
        }
    }

    private void loop(int index) {
        AtomicInteger asleep = sleeping[index - 1];
        int seen = 0;
        while (awaitRound(seen, asleep)) {
            seen = generation;
            work(index);
            if (finished.incrementAndGet() == workers.length && callerSleeping) {
                LockSupport.unpark(caller);
            }
        }
    }

    /**
     * Waits until the generation moves past seen (true) or the pool closes (false). A method of its own, called
     * once a round, so the JIT compiles it like any hot method; inside loop() it could only be reached by on-stack
     * replacement, which left each new pool's workers spinning in the interpreter for their first second.
     */
    private boolean awaitRound(int seen, AtomicInteger asleep) {
        long spinStart = System.nanoTime();
        while (generation == seen && !closed) {
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                pause();
                continue;
            }
            asleep.set(1);
            if (generation == seen && !closed) {
                LockSupport.park(this);
            }
            asleep.set(0);
        }
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
