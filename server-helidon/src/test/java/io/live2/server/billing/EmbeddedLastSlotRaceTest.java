package io.live2.server.billing;

import io.live2.server.TestServer;

/** The race on the embedded server: H2 and the database ledger's row lock. */
class EmbeddedLastSlotRaceTest extends LastSlotRaceContract {
    @Override
    TestServer.Kind kind() {
        return TestServer.Kind.EMBEDDED;
    }
}
