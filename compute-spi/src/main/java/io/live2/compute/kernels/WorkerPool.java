package io.live2.compute.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run the blocks of one task at a time. The calling thread works too, so a pool
 * for T threads starts T − 1 daemon threads (none for T = 1, where everything runs inline). Blocks are claimed
 * dynamically; results never depend on which thread ran a block because every block writes only its own
 * atoms and its own partial sums. A round allocates nothing.
 */
public final class WorkerPool implements AutoCloseable {
    /** One block of work; worker is 0..threads-1 and selects that thread's scratch buffers. */
    public interface BlockTask {
        void run(int block, int worker);
    }

    private final Thread[] workers;
    private final AtomicInteger nextBlock = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile BlockTask task;
    private volatile int blocks;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int index = w + 1;
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
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(0);
        while (finished.get() < workers.length) {
            LockSupport.park(this);
        }
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
        int seen = 0;
        while (true) {
            while (generation == seen && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            seen = generation;
            work(index);
            if (finished.incrementAndGet() == workers.length) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
