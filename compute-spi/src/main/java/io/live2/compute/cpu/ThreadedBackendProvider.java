package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;

/** "cpu": the threaded neighbour-list backend (work in progress: not usable yet). */
public final class ThreadedBackendProvider implements ComputeBackendProvider {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String unavailableReason() {
        return "the threaded CPU backend is not implemented yet; use backend 'reference'";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ComputeBackend create(int threads) {
        throw new UnsupportedOperationException(unavailableReason());
    }
}
