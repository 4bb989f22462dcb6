package io.live2.server.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.live2.billing.Capacity;
import io.live2.billing.Subscription;
import io.live2.billing.Tier;
import io.live2.billing.Usage;
import io.live2.billing.stripe.StripeGateway;
import io.live2.server.auth.Scope;
import io.live2.server.db.UsagePeriodRepository;
import io.live2.server.db.UserRepository;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Bodies;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.http.Responses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /billing/...}: the account's subscription and usage, Stripe Checkout and the customer portal, and
 * Stripe's webhook. There is no route that changes a tier: only Stripe's state does (through the webhook).
 */
public final class BillingRoutes {
    private final Accounts accounts;
    private final Admission admission;
    private final UsagePeriodRepository periods;
    private final UserRepository users;
    private final StripeGateway stripe;
    private final StripeWebhooks webhooks;
    private final Links links;
    private final Duration grace;
    private final int maxBodyBytes;
    private final Clock clock;

    /** Where Stripe sends the user back to. */
    public record Links(String checkoutSuccess, String checkoutCancel, String portalReturn) {
    }

    /** @param stripe null when no Stripe key is configured (sandbox without Stripe): checkout and portal answer 503 */
    public BillingRoutes(Accounts accounts, Admission admission, UsagePeriodRepository periods, UserRepository users,
                         StripeGateway stripe, StripeWebhooks webhooks, Links links, Duration grace, int maxBodyBytes, Clock clock) {
        this.accounts = accounts;
        this.admission = admission;
        this.periods = periods;
        this.users = users;
        this.stripe = stripe;
        this.webhooks = webhooks;
        this.links = links;
        this.grace = grace;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/billing/subscription", Scope.BILLING, (req, res, caller) ->
                Responses.json(res, subscription(accounts.account(caller.userId()))));
        api.user(Method.GET, "/billing/usage", Scope.BILLING, (req, res, caller) -> Responses.json(res, usage(caller.userId())));
        api.user(Method.POST, "/billing/checkout", Scope.BILLING, (req, res, caller) -> {
            JsonBody body = JsonBody.parse(Bodies.json(req, maxBodyBytes));
            String tierId = body.text("tier", 1, 20);
            body.done();
            Responses.json(res, checkout(caller.userId(), tierId));
        });
        api.user(Method.POST, "/billing/portal", Scope.BILLING, (req, res, caller) -> {
            Accounts.Account a = accounts.account(caller.userId());
            if (a.subscription().stripeCustomerId() == null) {
                throw ApiException.conflict("no_customer", "this account has no Stripe customer yet; subscribe through POST /billing/checkout first");
            }
            String url;
            try {
                url = stripe().createPortalSession(a.subscription().stripeCustomerId(), links.portalReturn());
            } catch (io.live2.billing.stripe.StripeGatewayException e) {
                throw stripeFailed(e);
            }
            Responses.json(res, Json.object().put("url", url));
        });
        api.open(Method.POST, "/billing/webhooks/stripe", (req, res) -> {
            if (webhooks == null) {
                throw ApiException.unavailable("Stripe webhooks are not configured on this server (LIVE_STRIPE_WEBHOOK_SECRET)", 0);
            }
            String payload = new String(raw(req), StandardCharsets.UTF_8);
            String signature = req.headers().first(io.helidon.http.HeaderNames.create("Stripe-Signature")).orElse(null);
            try {
                StripeWebhooks.Outcome o = webhooks.handle(payload, signature);
                Responses.json(res, Json.object().put("received", true).put("event", o.eventId()).put("result", o.result()));
            } catch (io.live2.billing.stripe.WebhookRejectedException e) {
                throw new ApiException(400, "invalid_signature", "Stripe-Signature: " + e.reason().code() + ": " + JsonBody.oneLine(e.getMessage()));
            } catch (io.live2.billing.stripe.StripeGatewayException e) {
                throw stripeFailed(e); // the event is forgotten: Stripe's redelivery is handled
            }
        });
    }

    /** Stripe's outage is ours to report as 503 (retry later); its refusal of a request as 502 with its reason. */
    static ApiException stripeFailed(io.live2.billing.stripe.StripeGatewayException e) {
        if (e instanceof io.live2.billing.stripe.StripeUnavailableException) {
            return ApiException.unavailable("Stripe did not answer: " + JsonBody.oneLine(e.getMessage()), 30);
        }
        return new ApiException(502, "stripe_rejected", "Stripe refused the request: " + JsonBody.oneLine(e.getMessage()));
    }

    private StripeGateway stripe() {
        if (stripe == null) {
            throw ApiException.unavailable("Stripe is not configured on this server (LIVE_STRIPE_SECRET_KEY); in sandbox mode "
                    + "accounts start on the default tier", 0);
        }
        return stripe;
    }

    private ObjectNode checkout(String userId, String tierId) {
        Tier tier;
        try {
            tier = accounts.tiers().get(tierId);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("tier", "tier: " + JsonBody.oneLine(e.getMessage()));
        }
        if (tier.stripePriceId() == null) {
            throw ApiException.validation("tier", "tier: '" + tier.id() + "' is not sold online (no Stripe price configured); "
                    + "sold online: " + accounts.tiers().all().stream().filter(t -> t.stripePriceId() != null).map(Tier::id)
                    .collect(Collectors.joining(", ")));
        }
        Accounts.Account a = accounts.account(userId);
        Subscription s = a.subscription();
        if (a.contract()) {
            throw ApiException.conflict("contract_account", "this account's limits are set by contract (" + s.tierId()
                    + "); changes go through the operator, not Stripe Checkout");
        }
        if (s.stripeSubscriptionId() != null && s.admitsNewJobs(clock.instant(), grace)) {
            throw ApiException.conflict("already_subscribed", "this account already has a subscription (" + s.tierId() + ", "
                    + s.status().wireName() + "); change or cancel it in the customer portal (POST /billing/portal)");
        }
        String email = users.byId(userId).map(UserRepository.User::email).orElse(null);
        io.live2.billing.stripe.CheckoutSession session;
        try {
            session = stripe().createCheckoutSession(userId, email, s.stripeCustomerId(), tier.stripePriceId(),
                    links.checkoutSuccess(), links.checkoutCancel());
        } catch (io.live2.billing.stripe.StripeGatewayException e) {
            throw stripeFailed(e);
        }
        return Json.object().put("id", session.id()).put("url", session.url()).put("tier", tier.id());
    }

    private ObjectNode subscription(Accounts.Account a) {
        Subscription s = a.subscription();
        Instant now = clock.instant();
        ObjectNode o = Json.object();
        o.put("status", s.status().wireName()).put("tier", a.tier().id()).put("admits_new_jobs", s.admitsNewJobs(now, grace));
        o.put("current_period_end", s.currentPeriodEnd() == null ? null : s.currentPeriodEnd().toString());
        o.put("cancel_at_period_end", s.cancelAtPeriodEnd());
        o.put("pending_tier", s.pendingTierId());
        o.put("past_due_since", s.pastDueSince() == null ? null : s.pastDueSince().toString());
        o.put("stripe_customer", s.stripeCustomerId() != null);
        o.set("limits", limits(a.tier()));
        ArrayNode tiers = o.putArray("tiers");
        for (Tier t : accounts.tiers().all()) {
            ObjectNode n = limits(t);
            n.put("id", t.id()).put("name", t.name()).put("sold_online", t.stripePriceId() != null);
            tiers.add(n);
        }
        return o;
    }

    static ObjectNode limits(Tier t) {
        ObjectNode n = Json.object();
        n.put("parallel_jobs", t.parallelJobs()).put("jobs_per_day", t.jobsPerDay()).put("max_runtime_seconds", t.maxRuntimeSeconds())
                .put("max_cost_per_job_usd", t.maxCostPerJobUsd()).put("api_requests_per_minute", t.apiRequestsPerMinute())
                .put("spot_fallback", t.spotFallback());
        ArrayNode caps = n.putArray("capacities");
        t.capacities().stream().map(Capacity::wireName).sorted().forEach(caps::add);
        return n;
    }

    private ObjectNode usage(String userId) {
        Instant now = clock.instant();
        Accounts.Account a = accounts.account(userId);
        Usage today = admission.ledger().usage(userId, LocalDate.ofInstant(now, ZoneOffset.UTC));
        ObjectNode o = Json.object();
        o.putObject("now").put("running_jobs", today.runningJobs()).put("parallel_jobs_limit", a.tier().parallelJobs())
                .put("jobs_today", today.jobsToday()).put("jobs_per_day_limit", a.tier().jobsPerDay());
        List<String> wanted = UsagePeriods.recent(now, 6);
        Map<String, UsagePeriodRepository.PeriodUsage> have = periods.since(userId, wanted.get(wanted.size() - 1)).stream()
                .collect(Collectors.toMap(UsagePeriodRepository.PeriodUsage::period, p -> p));
        ArrayNode arr = o.putArray("periods");
        for (String p : wanted) {
            UsagePeriodRepository.PeriodUsage u = have.getOrDefault(p, new UsagePeriodRepository.PeriodUsage(p, 0, 0, 0, 0, 0, 0));
            arr.addObject().put("period", p).put("jobs_started", u.jobsStarted()).put("atom_steps", u.atomSteps())
                    .put("estimated_cost_usd", round(u.estimatedCostUsd())).put("jobs_finished", u.jobsFinished())
                    .put("compute_seconds", Math.round(u.computeSeconds() * 10) / 10.0).put("actual_cost_usd", round(u.actualCostUsd()));
        }
        return o;
    }

    private static double round(double usd) {
        return Math.round(usd * 1e6) / 1e6;
    }

    /** The webhook's body exactly as sent (the signature covers the bytes), bounded like every body. */
    private byte[] raw(io.helidon.webserver.http.ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            byte[] b = in.readNBytes(maxBodyBytes + 1);
            if (b.length > maxBodyBytes) {
                throw new ApiException(413, "payload_too_large", "request body: larger than " + maxBodyBytes + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
