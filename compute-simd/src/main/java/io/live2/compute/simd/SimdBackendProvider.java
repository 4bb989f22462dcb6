package io.live2.compute.simd;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;

/**
 * "simd": the neighbour-list CPU backend with its pair kernel on the JDK Vector API. Needs the incubator module
 * jdk.incubator.vector in the boot layer ({@code --add-modules jdk.incubator.vector}; ./live passes it).
 */
public final class SimdBackendProvider implements ComputeBackendProvider {
    /**
     * Above "cpu" (10), so {@code backend: auto} picks it wherever the Vector API is enabled (else it is unusable and
     * auto falls back to "cpu"): the same bytes as "cpu", about 2x faster on the LJ fluid and at least as fast on the
     * chemistry presets, measured side by side in one JVM (docs/benchmarks.md, SimdChemistryProbe). Below OpenCL on
     * a GPU (30).
     */
    static final int PRIORITY = 20;

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public String unavailableReason() {
        return Availability.REASON;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** threads &lt;= 0 means one per available processor. */
    @Override
    public ComputeBackend create(int threads) {
        String why = unavailableReason();
        if (why != null) {
            throw new io.live2.compute.UnavailableBackendException("backend 'simd' is not usable here: " + why);
        }
        return new SimdBackend(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /** Checked once: is jdk.incubator.vector resolved and usable? */
    static final class Availability {
        static final String REASON = check();

        private Availability() {
        }

        private static String check() {
            String hint = "the JDK Vector API (incubator module jdk.incubator.vector) is not enabled: "
                    + "run with --add-modules jdk.incubator.vector; ./live does this";
            try {
                if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                    return hint;
                }
                int lanes = LjVectorKernel.lanes();
                if (lanes < 2) {
                    return "the JDK Vector API reports " + lanes + " double lane(s) here: no vector unit to use";
                }
                return null;
            } catch (LinkageError e) { // NoClassDefFoundError, ExceptionInInitializerError, ...
                return hint + " (" + e + ")";
            }
        }
    }
}
