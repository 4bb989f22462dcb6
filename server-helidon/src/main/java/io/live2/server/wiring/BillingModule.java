package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.billing.GuardrailPolicy;
import io.live2.billing.TierCatalog;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.billing.stripe.StripeGateway;
import io.live2.billing.stripe.WebhookVerifier;
import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsException;

import java.util.Optional;

/**
 * Billing's pure parts from the settings: the tiers (tiers.json with config overrides), the guardrail policy, the
 * calibrated estimator, and the Stripe adapter when a Stripe key is configured (sandbox without Stripe: none).
 */
final class BillingModule extends AbstractModule {
    /** Stripe's signature tolerance: a delivery signed more than this long ago is refused as a replay. */
    static final long WEBHOOK_TOLERANCE_SECONDS = 300;

    @Provides
    @Singleton
    TierCatalog tiers(ServerSettings s) {
        return TierCatalog.load(s.billing().tierOverrides());
    }

    @Provides
    @Singleton
    GuardrailPolicy policy(ServerSettings s) {
        return new GuardrailPolicy(s.billing().pastDueGrace());
    }

    @Provides
    @Singleton
    CalibratedEstimator estimator(ServerSettings s) {
        try {
            return EstimatorFactory.create(s.billing());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            String m = String.valueOf(e.getMessage());
            throw new SettingsException(m.startsWith("billing.") ? m : "billing: " + m);
        }
    }

    @Provides
    @Singleton
    Optional<StripeGateway> stripe(ServerSettings s) {
        if (s.stripeSecretKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new StripeGateway(s.stripeSecretKey().text(), s.billing().stripeApiBase()));
    }

    @Provides
    @Singleton
    Optional<WebhookVerifier> webhookVerifier(ServerSettings s) {
        if (s.billing().stripeWebhookSecret() == null) {
            return Optional.empty();
        }
        return Optional.of(new WebhookVerifier(s.billing().stripeWebhookSecret().text(), WEBHOOK_TOLERANCE_SECONDS));
    }
}
