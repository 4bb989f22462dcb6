package io.live2.server;

class EmbeddedRateLimitTest extends RateLimitContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.EMBEDDED;
    }
}
