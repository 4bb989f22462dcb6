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

    /** Sub-steps one step may be split into: their index goes in bits 8..15 of the Langevin purpose. */
    public static final int MAX_SUBSTEPS = 256;

    private Purpose() {
    }

    /**
     * The purpose of the Langevin noise of sub-step {@code substep} of a step (see the engine's sub-step
     * control). Sub-step 0 is plain {@link #LANGEVIN}, so a step that is not split draws the same numbers as
     * before sub-steps existed. Bits 8..15 are free: purposes are small and {@code UV_BREAK} uses only its
     * slot index (0..3) there, with a different low byte.
     */
    public static int langevin(int substep) {
        if (substep < 0 || substep >= MAX_SUBSTEPS) {
            throw new IllegalArgumentException("substep: " + substep + " is out of range; allowed 0.." + (MAX_SUBSTEPS - 1));
        }
        return LANGEVIN | substep << 8;
    }
}
