package io.live2.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;

import java.time.Duration;
import java.util.Objects;

/**
 * The three Stripe calls the service makes: a Checkout session to buy a tier, a customer-portal session to manage or
 * cancel it, and reading a subscription's current state (the webhook handler's source of truth). Uses a
 * {@link StripeClient} of its own, never the global {@code Stripe.apiKey}, so tests and several keys can coexist.
 */
public final class StripeGateway {

    /** Stripe answers in well under a second; a stuck connection must not hold a request thread for long. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** stripe-java retries network errors and 409/5xx answers Stripe marks retryable, with idempotency keys. */
    public static final int DEFAULT_MAX_NETWORK_RETRIES = 2;

    private final StripeClient client;
    private final String secretKey;

    /**
     * @param secretKey Stripe secret key (sk_test_… or sk_live_…)
     * @param apiBase   Stripe's API address; null for the real one (tests pass a local stub's address)
     */
    public StripeGateway(String secretKey, String apiBase) {
        this(secretKey, apiBase, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_NETWORK_RETRIES);
    }

    public StripeGateway(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout,
                         int maxNetworkRetries) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey: must be a Stripe secret key, got an empty value");
        }
        if (maxNetworkRetries < 0 || maxNetworkRetries > 10) {
            throw new IllegalArgumentException("maxNetworkRetries: must be 0..10, got " + maxNetworkRetries);
        }
        this.secretKey = secretKey;
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setConnectTimeout(millis("connectTimeout", connectTimeout))
                .setReadTimeout(millis("readTimeout", readTimeout))
                .setMaxNetworkRetries(maxNetworkRetries);
        if (apiBase != null) {
            builder.setApiBase(apiBase);
        }
        this.client = builder.build();
    }

    /**
     * A Checkout session that starts a subscription to {@code priceId} for {@code userId}. The user id travels as the
     * session's client_reference_id and as the subscription's metadata "user_id", so every later webhook can name the
     * account.
     *
     * @param email      prefilled when there is no Stripe customer yet (may be null)
     * @param customerId the account's existing Stripe customer (null: Stripe creates one)
     */
    public CheckoutSession createCheckoutSession(String userId, String email, String customerId, String priceId,
                                                 String successUrl, String cancelUrl) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(required("priceId", priceId))
                        .setQuantity(1L)
                        .build())
                .setClientReferenceId(required("userId", userId))
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", userId)
                        .build())
                .setSuccessUrl(required("successUrl", successUrl))
                .setCancelUrl(required("cancelUrl", cancelUrl));
        // Stripe takes one or the other: an existing customer keeps its payment methods and history
        if (customerId != null && !customerId.isBlank()) {
            params.setCustomer(customerId);
        } else if (email != null && !email.isBlank()) {
            params.setCustomerEmail(email);
        }
        try {
            Session session = client.v1().checkout().sessions().create(params.build());
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw StripeErrors.translate("checkout session", e, secretKey);
        }
    }

    /** The customer-portal address where the customer changes plan, payment method, or cancels. */
    public String createPortalSession(String customerId, String returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(required("customerId", customerId))
                .setReturnUrl(required("returnUrl", returnUrl))
                .build();
        try {
            return client.v1().billingPortal().sessions().create(params).getUrl();
        } catch (StripeException e) {
            throw StripeErrors.translate("portal session", e, secretKey);
        }
    }

    /** The subscription as Stripe has it now. */
    public StripeSubscriptionState retrieveSubscription(String subscriptionId) {
        Subscription subscription;
        try {
            subscription = client.v1().subscriptions().retrieve(required("subscriptionId", subscriptionId));
        } catch (StripeException e) {
            throw StripeErrors.translate("subscription retrieval", e, secretKey);
        }
        return StripeSubscriptions.toState(subscription);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
        return value;
    }

    private static int millis(String field, Duration timeout) {
        Objects.requireNonNull(timeout, field);
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": must be between 1 ms and " + Integer.MAX_VALUE + " ms, got "
                    + timeout);
        }
        return (int) timeout.toMillis();
    }
}
