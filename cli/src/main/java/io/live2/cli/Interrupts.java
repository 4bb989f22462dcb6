package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.Simulation;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (a spot reclaim, `kill`) or Ctrl-C: the JVM runs shutdown hooks; ours asks the simulation to stop at the
 * next step boundary and waits until its checkpoint is on disk, so the run can be resumed with nothing lost.
 */
final class Interrupts {
    private static final long CHECKPOINT_GRACE_SECONDS = 120;

    private Interrupts() {
    }

    static RunResult runHandlingSignals(Simulation sim) throws IOException {
        Thread hook = new Thread(() -> {
            sim.requestStop();
            try {
                sim.awaitFinished(CHECKPOINT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-checkpoint-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return sim.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting because of a signal: the hook is running and waits for us
            }
        }
    }
}
