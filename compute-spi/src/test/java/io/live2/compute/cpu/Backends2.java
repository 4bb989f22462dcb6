package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;

/** Creates a backend by name for tests without going through ServiceLoader. */
final class Backends2 {
    private Backends2() {
    }

    static ComputeBackend create(String name, int threads) {
        return switch (name) {
            case "reference" -> new ReferenceBackendProvider().create(threads);
            case "cpu" -> new ThreadedBackendProvider().create(threads);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
