package io.live2.engine;

/** The run cannot go on (numerical blow-up, inconsistent state); the message says what happened and what to try. */
public final class SimulationFailedException extends RuntimeException {
    public SimulationFailedException(String message) {
        super(message);
    }
}
