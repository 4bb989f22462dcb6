package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.ComputeBackendProvider;

/** "cpu": the threaded neighbour-list backend, the default CPU choice of "auto". */
public final class ThreadedBackendProvider implements ComputeBackendProvider {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public int priority() {
        return 10;
    }

    /** threads &lt;= 0 means one per available processor. */
    @Override
    public ComputeBackend create(int threads) {
        return new ThreadedBackend(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }
}
