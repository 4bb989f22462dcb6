package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;

/** "reference": the scalar all-pairs oracle. Lowest priority, never chosen by "auto" while "cpu" is present. */
public final class ReferenceBackendProvider implements ComputeBackendProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public int priority() {
        return 0;
    }

    /** The reference is single-threaded whatever is asked. */
    @Override
    public ComputeBackend create(int threads) {
        return new ReferenceBackend();
    }
}
