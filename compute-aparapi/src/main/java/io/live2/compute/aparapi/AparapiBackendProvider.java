package io.live2.compute.aparapi;

import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;
import io.live2.compute.UnavailableBackendException;

/**
 * "aparapi": usable only when Aparapi runs a probe kernel on a real OpenCL device. Aparapi's own fallback (its
 * Java thread pool) does not count: it would be a slow CPU backend under another name. Priority 4: below the CPU
 * backends, so {@code backend: auto} does not pick it on a CPU-only machine.
 */
public final class AparapiBackendProvider implements ComputeBackendProvider {
    static final String FALLBACK = "Aparapi fell back to Java threads: no usable OpenCL device; "
            + "install pocl-opencl-icd ocl-icd-libopencl1";

    private static final class Probe {
        static final String REASON = probe();
    }

    @Override
    public String name() {
        return "aparapi";
    }

    @Override
    public String unavailableReason() {
        return Probe.REASON;
    }

    @Override
    public int priority() {
        return 4;
    }

    @Override
    public ComputeBackend create(int threads) {
        String why = unavailableReason();
        if (why != null) {
            throw new UnavailableBackendException("backend 'aparapi' is not usable here: " + why);
        }
        return new AparapiBackend();
    }

    /** Runs the probe kernel once; null when it ran in OpenCL with the right results, else why not. */
    static String probe() {
        ProbeKernel k = null;
        try {
            k = new ProbeKernel();
            for (int i = 0; i < k.a.length; i++) {
                k.a[i] = i;
            }
            k.execute(Range.create(k.a.length));
            if (!k.isRunningCL() || !(k.getTargetDevice() instanceof OpenCLDevice)) {
                return FALLBACK;
            }
            for (int i = 0; i < k.b.length; i++) {
                if (k.b[i] != 3f * i) {
                    return "Aparapi probe kernel ran in OpenCL but returned b[" + i + "] = " + k.b[i]
                            + " instead of " + 3f * i;
                }
            }
            return null;
        } catch (Throwable t) {
            return "Aparapi probe failed: " + t;
        } finally {
            if (k != null) {
                try {
                    k.dispose();
                } catch (Throwable ignored) {
                    // nothing more to report
                }
            }
        }
    }
}
