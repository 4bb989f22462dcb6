package io.live2.server;

/** The API contract on the embedded defaults: H2 file database, in-process limits, local orchestrator, file store. */
class EmbeddedApiTest extends ApiContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.EMBEDDED;
    }
}
