package io.live2.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds backends with ServiceLoader and picks one by name, failing with a message that says what to do. */
public final class Backends {
    private Backends() {
    }

    public static List<ComputeBackendProvider> providers() {
        List<ComputeBackendProvider> out = new ArrayList<>();
        ServiceLoader.load(ComputeBackendProvider.class, Backends.class.getClassLoader()).forEach(out::add);
        out.sort(Comparator.comparingInt(ComputeBackendProvider::priority).reversed()
                .thenComparing(ComputeBackendProvider::name));
        return out;
    }

    /**
     * The provider for a name; "auto" picks the usable one with the highest priority.
     *
     * @throws UnavailableBackendException when the name is unknown or the backend cannot run here
     */
    public static ComputeBackendProvider select(String name) {
        List<ComputeBackendProvider> all = providers();
        if (name == null || name.equals("auto")) {
            return all.stream().filter(p -> p.unavailableReason() == null).findFirst()
                    .orElseThrow(() -> new UnavailableBackendException("no usable compute backend on the class path"));
        }
        for (ComputeBackendProvider p : all) {
            if (p.name().equals(name)) {
                String why = p.unavailableReason();
                if (why != null) {
                    throw new UnavailableBackendException("backend '" + name + "' is not usable here: " + why);
                }
                return p;
            }
        }
        List<String> names = all.stream().map(ComputeBackendProvider::name).toList();
        throw new UnavailableBackendException("backend: unknown backend '" + name + "'; available here: auto, "
                + String.join(", ", names) + " (simd, opencl and aparapi ship as separate modules)");
    }

    public static ComputeBackend create(String name, int threads) {
        return select(name).create(threads);
    }
}
