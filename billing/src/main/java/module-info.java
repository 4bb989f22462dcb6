/**
 * Billing: tiers, the guardrail policy, the calibrated cost and duration estimator, the subscription state machine
 * and the Stripe adapter. Pure policy and a payment adapter: no web server, no database. The server implements the
 * storage and counting, and calls in here to decide. {@code StripeStub} and {@code WebhookSigner} play Stripe's side on
 * loopback for the tests and for `live drill replays` (the JDK's small HTTP server); the service never starts them.
 */
module io.live2.billing {
    requires transitive io.live2.model;
    requires com.fasterxml.jackson.databind;
    requires stripe.java;
    requires jdk.httpserver; // StripeStub only
    exports io.live2.billing;
    exports io.live2.billing.stripe;
    exports io.live2.billing.estimate;
}
