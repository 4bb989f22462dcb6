package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.jobs.ArtifactStore;
import io.live2.jobs.ArtifactStores;
import io.live2.jobs.SignedUrls;
import io.live2.server.settings.ServerSettings;

import java.util.Map;

/**
 * The artifact store chosen by the URI's scheme (file: this machine, with URLs signed by a key derived from the
 * callback secret so they stay valid across restarts; s3: the orchestrator-awsbatch adapter, presigned URLs).
 */
final class ArtifactsModule extends AbstractModule {
    @Provides
    @Singleton
    ArtifactStore store(ServerSettings s) {
        String signing = SignedUrls.hmacHex(s.callbackSecret().bytes(), "artifact download urls");
        return ArtifactStores.open(s.artifacts(), Map.of("signing_key", signing));
    }
}
