package io.live2.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds an {@link Orchestrator} by name ("local", "awsbatch") through ServiceLoader. */
public final class Orchestrators {
    private Orchestrators() {
    }

    public static List<String> names() {
        List<String> n = new ArrayList<>();
        ServiceLoader.load(OrchestratorProvider.class).forEach(p -> n.add(p.name()));
        return n;
    }

    /** @throws IllegalArgumentException when no provider has that name (listing those available) */
    public static Orchestrator create(String name, Map<String, String> settings) {
        for (OrchestratorProvider p : ServiceLoader.load(OrchestratorProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(settings);
            }
        }
        throw new IllegalArgumentException("orchestrator: no orchestrator named '" + name + "'; available: " + String.join(", ", names()));
    }
}
