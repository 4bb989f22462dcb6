package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.jobs.ArtifactStore;
import io.live2.jobs.LocalOrchestrator;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.Orchestrators;
import io.live2.server.jobs.ResilientOrchestrator;
import io.live2.server.settings.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Where jobs run. "local": this machine, a {@link LocalOrchestrator} on data_dir/orchestrator sharing the server's
 * artifact store (its state survives a restart, so running jobs resume from their checkpoints). "awsbatch": AWS
 * Batch through the provider of orchestrator-awsbatch, wrapped in retries and a circuit breaker.
 */
final class OrchestratorModule extends AbstractModule {
    @Provides
    @Singleton
    Orchestrator orchestrator(ServerSettings s, ArtifactStore store, Clock clock) {
        if (s.orchestrator().equals("local")) {
            try {
                // recovered jobs wait until the server listens (LiveServer releases them): a quicker restart
                return new LocalOrchestrator(s.dataDir().resolve("orchestrator"), store, s.jobs().localWorkers(), clock, true);
            } catch (IOException e) {
                throw new UncheckedIOException("data_dir: cannot keep the local orchestrator's state in "
                        + s.dataDir().resolve("orchestrator") + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> settings = new HashMap<>(s.orchestratorConfig());
        settings.putIfAbsent("artifacts_uri", s.artifacts().toString());
        if (s.publicUrl() != null) {
            settings.putIfAbsent("callback_url", s.publicUrl() + "/internal/callbacks");
        }
        return new ResilientOrchestrator(Orchestrators.create(s.orchestrator(), settings));
    }
}
