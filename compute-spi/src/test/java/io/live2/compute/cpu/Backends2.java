package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;

/**
 * Creates a backend by name for tests without going through ServiceLoader; "cpu-gather" and "cpu-slots" pin
 * the threaded backend's LJ kernel so that both are tested whatever the system size.
 */
final class Backends2 {
    private Backends2() {
    }

    static ComputeBackend create(String name, int threads) {
        return switch (name) {
            case "reference" -> new ReferenceBackendProvider().create(threads);
            case "cpu" -> new ThreadedBackendProvider().create(threads);
            case "cpu-gather" -> kernel(threads, ThreadedBackend.Kernel.GATHER);
            case "cpu-slots" -> kernel(threads, ThreadedBackend.Kernel.PAIR_SLOTS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static ComputeBackend kernel(int threads, ThreadedBackend.Kernel kernel) {
        ThreadedBackend b = new ThreadedBackend(threads);
        b.useKernel(kernel);
        return b;
    }
}
