package io.live2.server;

class RedisRateLimitTest extends RateLimitContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.POSTGRES_REDIS;
    }
}
