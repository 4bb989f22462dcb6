package io.live2.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * "local": settings {@code state_dir} (required: jobs/ and work/ live there), {@code artifacts} (store URI, default
 * file://STATE_DIR/artifacts) and {@code pool_size} (1..1024, default 2). Other settings go to the artifact store.
 */
public final class LocalOrchestratorProvider implements OrchestratorProvider {
    /** ServiceLoader creates it. */
    public LocalOrchestratorProvider() {
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Orchestrator create(Map<String, String> settings) {
        String dir = settings.get("state_dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("state_dir: missing; the local orchestrator needs a directory for its jobs");
        }
        Path state = Path.of(dir).toAbsolutePath();
        int pool;
        try {
            pool = Integer.parseInt(settings.getOrDefault("pool_size", "2"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pool_size: '" + settings.get("pool_size") + "' is not an integer; allowed 1..1024");
        }
        if (pool < 1 || pool > 1024) {
            throw new IllegalArgumentException("pool_size: " + pool + " is out of range; allowed 1..1024");
        }
        URI artifacts;
        try {
            artifacts = settings.containsKey("artifacts") ? URI.create(settings.get("artifacts")) : state.resolve("artifacts").toUri();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifacts: '" + settings.get("artifacts") + "' is not a URI");
        }
        try {
            return new LocalOrchestrator(state, ArtifactStores.open(artifacts, settings), pool, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("state_dir: cannot use " + state + ": " + e.getMessage(), e);
        }
    }
}
