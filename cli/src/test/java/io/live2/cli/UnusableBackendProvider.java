package io.live2.cli;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;

/** A backend that is never usable, registered only for tests: it stands in for OpenCL on a machine without a driver. */
public final class UnusableBackendProvider implements ComputeBackendProvider {
    static final String REASON = "no OpenCL platform found: install an OpenCL driver (test stand-in)";

    @Override
    public String name() {
        return "unusable-test";
    }

    @Override
    public String unavailableReason() {
        return REASON;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public ComputeBackend create(int threads) {
        throw new AssertionError("an unusable backend must never be created");
    }
}
