package io.live2.compute.opencl;

import java.util.Locale;

/**
 * Which OpenCL force kernel evaluates the pair forces. Both give the same forces (each atom adds its pairs in the
 * same order); they differ in how they reach memory:
 * <ul>
 *   <li>{@link #LIST}: one work-item per atom over its neighbour list (rebuilt on the device when an atom moved more
 *       than skin/2); partner positions are gathered from global memory (caches);</li>
 *   <li>{@link #TILED}: no neighbour list; one work-group per strip of cells stages the surrounding cell block from
 *       cell-sorted copies of x, y, type into local memory with coalesced loads and every atom of the strip reads
 *       its candidates from there.</li>
 * </ul>
 * Default: {@link #TILED} on a GPU (designed for one; not measured there), {@link #LIST} on a CPU device, where
 * PoCL measured it faster (docs/gpu.md). The system property {@value #PROPERTY} ({@code list} or {@code tiled})
 * overrides the default.
 */
public enum ForceKernel {
    LIST,
    TILED;

    /** System property that selects the force kernel: {@code list} or {@code tiled}. */
    public static final String PROPERTY = "live2.opencl.forces";

    /** The kernel for a device: the system property if set, else TILED on a GPU and LIST elsewhere. */
    static ForceKernel defaultFor(boolean gpu) {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return gpu ? TILED : LIST;
        }
        try {
            return valueOf(p.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be 'list' or 'tiled', not '" + p + "'", e);
        }
    }
}
