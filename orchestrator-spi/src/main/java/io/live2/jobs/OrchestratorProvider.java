package io.live2.jobs;

import java.util.Map;

/** ServiceLoader entry for an orchestrator ("local", "awsbatch"). */
public interface OrchestratorProvider {
    String name();

    /** Creates an orchestrator from settings (documented per implementation); bad settings → IllegalArgumentException naming the key. */
    Orchestrator create(Map<String, String> settings);
}
