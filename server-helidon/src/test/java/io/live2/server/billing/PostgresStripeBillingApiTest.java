package io.live2.server.billing;

import io.live2.server.TestServer;

/** The Stripe flow on the production assembly: PostgreSQL (its row locks and foreign keys) and Redis. */
class PostgresStripeBillingApiTest extends StripeBillingApiTest {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.POSTGRES_REDIS;
    }
}
