package io.live2.model.random;

/** The purposes random numbers are drawn for; each gets an independent Philox stream. */
public final class Purpose {
    public static final int INITIAL_VELOCITY = 1;
    public static final int PLACEMENT = 2;
    public static final int LANGEVIN = 3;
    public static final int PULSE_POSITION = 4;
    public static final int PULSE_KICK = 5;
    public static final int UV_BREAK = 6;
    public static final int KIND_SAMPLING = 7;
    public static final int MUTATION = 8;

    private Purpose() {
    }
}
