package io.live2.compute;

/**
 * Service-provider interface: one provider per backend, found with ServiceLoader and chosen by name.
 */
public interface ComputeBackendProvider {
    /** The name used in configuration and on the command line. */
    String name();

    /** Null when usable here; otherwise why not and what to install. */
    String unavailableReason();

    /** Higher is preferred by {@code backend: auto}. */
    int priority();

    ComputeBackend create(int threads);
}
