package io.live2.server.billing;

import io.live2.server.TestServer;

/** The race on the production assembly: PostgreSQL and the Redis ledger's Lua scripts. */
class RedisLastSlotRaceTest extends LastSlotRaceContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.POSTGRES_REDIS;
    }
}
