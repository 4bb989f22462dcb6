package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.Simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (a spot reclaim, `kill`) or Ctrl-C: the JVM runs shutdown hooks; ours asks the simulation to stop at the
 * next step boundary and waits until its checkpoint is on disk, so the run can be resumed with nothing lost.
 * The hook is installed before the simulation is set up (building a large system takes seconds): a signal then
 * says plainly that nothing was saved and what to do, instead of a silent exit 143; a run directory left by it
 * holds no checkpoint, so `live run --out` the same directory starts afresh.
 */
final class Interrupts {
    private static final long CHECKPOINT_GRACE_SECONDS = 120;

    /** Builds the simulation (may take seconds). */
    @FunctionalInterface
    interface Setup {
        Simulation build() throws IOException;
    }

    private Interrupts() {
    }

    /**
     * Sets up and runs the simulation with signals handled; closes it.
     *
     * @param whileSettingUp what to tell the user when a signal arrives before the simulation exists
     */
    static RunResult run(Setup setup, String whileSettingUp, PrintStream err) throws IOException {
        Guard guard = new Guard(whileSettingUp, err);
        Thread hook = new Thread(guard::onSignal, "live-checkpoint-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Simulation sim = setup.build()) {
            guard.started(sim);
            return sim.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting because of a signal: the hook is running and waits for us
            }
        }
    }

    /** What the shutdown hook does, apart from the JVM (tests call {@link #onSignal} directly). */
    static final class Guard {
        private final String whileSettingUp;
        private final PrintStream err;
        private Simulation sim;
        private boolean signalled;

        Guard(String whileSettingUp, PrintStream err) {
            this.whileSettingUp = whileSettingUp;
            this.err = err;
        }

        synchronized void started(Simulation s) {
            sim = s;
            if (signalled) {
                s.requestStop(); // the signal came as set-up ended: stop at once, after the first checkpoint
            }
        }

        void onSignal() {
            Simulation s;
            synchronized (this) {
                signalled = true;
                s = sim;
            }
            if (s == null) {
                err.println("live: " + whileSettingUp);
                err.flush();
                return;
            }
            s.requestStop();
            try {
                s.awaitFinished(CHECKPOINT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
