package io.live2.engine;

/**
 * The run cannot go on (numerical blow-up, inconsistent state); the message says what happened and what to try.
 * When the engine's per-step check caught it, {@link #step()} and {@link #reason()} say where and why, and the run
 * directory holds logs/failure.json and a results.json with {@code status: "failed"}.
 */
public final class SimulationFailedException extends RuntimeException {
    private final transient Failure failure;

    public SimulationFailedException(String message) {
        super(message);
        this.failure = null;
    }

    SimulationFailedException(Failure failure) {
        this(failure, null);
    }

    SimulationFailedException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }

    /** The step at which the run failed, or −1 when not known. */
    public long step() {
        return failure == null ? -1 : failure.step();
    }

    /** {@code non_finite_state}, {@code position_outside_box}, {@code unresolvable_motion} or {@code error}. */
    public String reason() {
        return failure == null ? Failure.ERROR : failure.reason();
    }
}
