package io.live2.server;

/** The same API contract against the real PostgreSQL and Redis of this machine (what production runs on). */
class PostgresRedisApiTest extends ApiContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.POSTGRES_REDIS;
    }
}
