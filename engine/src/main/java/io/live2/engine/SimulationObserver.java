package io.live2.engine;

import io.live2.model.io.Snapshot;

/** Receives events from a running simulation, on the simulation's thread. All methods are optional. */
public interface SimulationObserver {
    default void onProgress(Progress progress) {
    }

    /** A snapshot was taken at this step (the snapshot's state is a copy the observer may keep). */
    default void onSnapshot(Snapshot snapshot) {
    }

    default void onFinish(RunResult result) {
    }

    /**
     * Something the user should know that does not stop the run, in one line (e.g. a damaged checkpoint was skipped on
     * resume); it is in logs/simulation.log too.
     */
    default void onNotice(String message) {
    }
}
