/** Jobs: the spec, the status state machine, the Orchestrator and ArtifactStore SPIs and their built-in local implementations. */
module io.live2.jobs {
    requires transitive io.live2.engine;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires jdk.httpserver;
    exports io.live2.jobs;
    uses io.live2.jobs.OrchestratorProvider;
    provides io.live2.jobs.ArtifactStoreProvider with io.live2.jobs.FileSystemArtifactStoreProvider;
    provides io.live2.jobs.OrchestratorProvider with io.live2.jobs.LocalOrchestratorProvider;
    uses io.live2.jobs.ArtifactStoreProvider;
    uses io.live2.jobs.JobEventListenerProvider;
}
