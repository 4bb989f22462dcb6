package io.live2.compute.opencl;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;
import io.live2.compute.UnavailableBackendException;

/**
 * "opencl": the JOCL backend. Priority 30 when the chosen device is a GPU (preferred by {@code backend: auto}),
 * 5 when it is a CPU device such as PoCL (so {@code auto} keeps the threaded CPU backend on CPU-only machines).
 * The OpenCL probe runs once per JVM and is cached.
 */
public final class OpenClBackendProvider implements ComputeBackendProvider {
    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String unavailableReason() {
        return OpenClDevice.unavailableReason();
    }

    @Override
    public int priority() {
        OpenClDevice.Choice c = OpenClDevice.choice();
        return c != null && c.gpu() ? 30 : 5;
    }

    /** OpenCL runs on its device; the host side is one thread whatever is asked. */
    @Override
    public ComputeBackend create(int threads) {
        String why = unavailableReason();
        if (why != null) {
            throw new UnavailableBackendException("backend 'opencl' is not usable here: " + why);
        }
        return new OpenClBackend();
    }
}
