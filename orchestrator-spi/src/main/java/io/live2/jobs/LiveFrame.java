package io.live2.jobs;

/**
 * A downsampled picture of a running job's box for live viewers: which atoms, where, and how they are bonded.
 * Built on the simulation thread by {@link FrameSampler} only while a listener {@link JobEventListener#wantsFrames
 * wants frames}; the arrays belong to the frame (never shared with the engine) and must not be changed.
 *
 * @param step       the simulation step the frame shows
 * @param boxX       box width in the engine's length unit (nm)
 * @param boxY       box height (nm)
 * @param elements   atomic number per sent atom; 0 for an open-chemistry kind
 * @param xy         x0,y0,x1,y1,... of the sent atoms, each in [0, box)
 * @param bonds      index pairs into this frame's atoms (a0,b0,a1,b1,...), each bond once, both ends sent
 * @param totalAtoms atoms in the box (the sent ones are a subset when there are more than the cap)
 */
public record LiveFrame(long step, double boxX, double boxY, byte[] elements, float[] xy, int[] bonds, int totalAtoms) {
    /** The most atoms a frame carries (the largest max_atoms a viewer may ask for). */
    public static final int MAX_ATOMS = 20_000;

    /** Atoms in this frame. */
    public int atoms() {
        return elements.length;
    }

    /** Bonds in this frame. */
    public int bondCount() {
        return bonds.length / 2;
    }

    /**
     * This frame with at most {@code cap} atoms: itself when it has no more, otherwise the same deterministic choice
     * of whole molecules (connected through this frame's bonds) that {@link FrameSampler} makes of a box.
     */
    public LiveFrame downsample(int cap) {
        return atoms() <= cap ? this : FrameSampler.downsample(this, cap);
    }
}
