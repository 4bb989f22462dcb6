package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import io.live2.server.billing.Estimator;
import io.live2.server.billing.GuardrailPolicy;
import io.live2.server.billing.PermissiveGuardrails;
import io.live2.server.billing.ThroughputEstimator;

/** The estimate and the admission policy: permissive defaults until the billing module is configured. */
final class BillingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Estimator.class).toInstance(ThroughputEstimator.defaults());
        bind(GuardrailPolicy.class).toInstance(new PermissiveGuardrails());
    }
}
