package io.live2.server;

import com.google.inject.Injector;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.live2.jobs.ArtifactStore;
import io.live2.jobs.LocalOrchestrator;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.aws.CallbackVerifier;
import io.live2.server.auth.ApiKeyCache;
import io.live2.server.auth.AuthRoutes;
import io.live2.server.auth.Authenticator;
import io.live2.server.auth.KeyRoutes;
import io.live2.server.auth.PasswordHasher;
import io.live2.server.auth.Secrets;
import io.live2.server.auth.Tokens;
import io.live2.billing.Capacity;
import io.live2.billing.GuardrailPolicy;
import io.live2.billing.TierCatalog;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.billing.stripe.StripeGateway;
import io.live2.billing.stripe.WebhookVerifier;
import io.live2.server.admission.AdmissionLedger;
import io.live2.server.billing.Accounts;
import io.live2.server.billing.Admission;
import io.live2.server.billing.BillingRoutes;
import io.live2.server.billing.StripeWebhooks;
import io.live2.server.billing.UsagePeriods;
import io.live2.server.dashboard.DepictionRoutes;
import io.live2.server.dashboard.MultiJobEventStream;
import io.live2.server.dashboard.PresetRoutes;
import io.live2.server.dashboard.ResultFileRoutes;
import io.live2.server.db.StripeEventRepository;
import io.live2.server.db.SubscriptionRepository;
import io.live2.server.db.UsagePeriodRepository;
import io.live2.server.db.ApiKeyRepository;
import io.live2.server.db.Database;
import io.live2.server.db.JobRepository;
import io.live2.server.db.RefreshTokenRepository;
import io.live2.server.db.UserRepository;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.BodyLimit;
import io.live2.server.http.ErrorBodies;
import io.live2.server.http.RequestIds;
import io.live2.server.http.SecurityHeaders;
import io.live2.server.jobs.CallbackRoute;
import io.live2.server.jobs.FrameStream;
import io.live2.server.jobs.JobEventStream;
import io.live2.server.jobs.JobRoutes;
import io.live2.server.jobs.JobService;
import io.live2.server.jobs.JobUpdates;
import io.live2.server.jobs.Reconciler;
import io.live2.server.limits.RateLimiter;
import io.live2.server.observe.Readiness;
import io.live2.server.observe.RouteMetrics;
import io.live2.server.observe.ServerMetrics;
import io.live2.server.progress.ProgressBus;
import io.live2.server.settings.ServerSettings;
import io.live2.server.wiring.ServerModules;
import org.redisson.api.RedissonClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The SaaS API server: assembled by Guice from the settings, served by Helidon SE on virtual threads. Routes:
 * {@code /api/v1/...} (docs/server.md), {@code /internal/callbacks} (signed worker reports), {@code /health},
 * {@code /health/ready}, {@code /metrics}, {@code /openapi}, and the dashboard's static files at {@code /}.
 * {@link #stop} is the graceful shutdown: stop accepting, drain in-flight requests, checkpoint running local jobs,
 * close the pools.
 */
public final class LiveServer implements AutoCloseable {
    public static final String API = "/api/v1";
    private static final Logger LOG = Logger.getLogger(LiveServer.class.getName());

    private final ServerSettings settings;
    private final Injector injector;
    private final WebServer web;
    private final Reconciler reconciler;
    private final ServerMetrics serverMetrics;
    private final List<String> routes;
    private final String firstKey;
    private volatile boolean stopped;

    private LiveServer(ServerSettings settings, Injector injector, WebServer web, Reconciler reconciler,
                       ServerMetrics serverMetrics, List<String> routes, String firstKey) {
        this.settings = settings;
        this.injector = injector;
        this.web = web;
        this.reconciler = reconciler;
        this.serverMetrics = serverMetrics;
        this.routes = routes;
        this.firstKey = firstKey;
    }

    /** Starts with the system clock and the default database schema. */
    public static LiveServer start(ServerSettings settings) {
        return start(settings, Clock.systemUTC(), null);
    }

    /** @param schema PostgreSQL schema for all tables (tests), or null */
    public static LiveServer start(ServerSettings settings, Clock clock, String schema) {
        StringBuilder phases = new StringBuilder();
        long[] t = {System.nanoTime()};
        Injector in = ServerModules.injector(settings, clock, schema);
        Database db = in.getInstance(Database.class);
        phases.append("database ").append(ms(t)).append(" ms");
        UserRepository users = in.getInstance(UserRepository.class);
        ApiKeyRepository keys = in.getInstance(ApiKeyRepository.class);
        JobRepository jobs = in.getInstance(JobRepository.class);
        RateLimiter limiter = in.getInstance(RateLimiter.class);
        ProgressBus bus = in.getInstance(ProgressBus.class);
        ArtifactStore store = in.getInstance(ArtifactStore.class);
        Orchestrator orchestrator = in.getInstance(Orchestrator.class);
        phases.append(", limits/bus/store/orchestrator ").append(ms(t)).append(" ms");

        Tokens tokens = new Tokens(settings.jwtSecret().bytes(), clock);
        ApiKeyCache keyCache = new ApiKeyCache(keys, clock, 10_000);
        Authenticator auth = new Authenticator(keyCache, tokens);
        JobUpdates updates = new JobUpdates(jobs, bus, clock);
        if (orchestrator instanceof LocalOrchestrator local) {
            local.addListener(updates);
        }
        SubscriptionRepository subscriptions = in.getInstance(SubscriptionRepository.class);
        UsagePeriodRepository periods = in.getInstance(UsagePeriodRepository.class);
        Accounts accounts = new Accounts(subscriptions, in.getInstance(TierCatalog.class), settings.billing().defaultTier(),
                settings.limits().keyPerMinute(), clock);
        CalibratedEstimator estimator = in.getInstance(CalibratedEstimator.class);
        AdmissionLedger ledger = in.getInstance(AdmissionLedger.class);
        Admission admission = new Admission(accounts, in.getInstance(GuardrailPolicy.class), estimator, ledger,
                settings.jobs().maxRuntimeSeconds(), clock);
        updates.onFinished(j -> finished(j, admission, jobs, periods, estimator));
        JobService service = new JobService(jobs, periods, orchestrator,
                admission, settings, clock, updates);
        KeyRoutes keyRoutes = new KeyRoutes(keys, keyCache, clock, settings.limits().maxBodyBytes());
        String firstKey = firstStart(users, keyRoutes, clock);
        phases.append(", first start ").append(ms(t)).append(" ms");

        HttpRouting.Builder routing = HttpRouting.builder();
        routing.addFilter(new RequestIds());
        routing.addFilter(new SecurityHeaders(settings.corsOrigins()));
        routing.addFilter(new BodyLimit(settings.limits().maxBodyBytes()));
        routing.error(io.helidon.http.HttpException.class, ErrorBodies::http);
        routing.error(Throwable.class, ErrorBodies::unexpected);
        RouteMetrics metrics = new RouteMetrics(io.helidon.service.registry.Services.get(io.helidon.metrics.api.MeterRegistry.class));
        ApiRoutes api = new ApiRoutes(routing, API, auth, limiter, accounts::apiLimit, settings.limits().ipPerMinute(), metrics);
        new AuthRoutes(users, in.getInstance(RefreshTokenRepository.class), PasswordHasher.owaspDefaults(), tokens, clock,
                settings.limits().maxBodyBytes(), settings.limits().loginPerMinute()).register(api);
        keyRoutes.register(api);
        JobEventStream jobEvents = new JobEventStream(jobs, bus, settings.limits().sseConnectionsPerUser(), settings.limits().sseConnectionsTotal());
        new JobRoutes(service, jobs, store, jobEvents,
                settings.limits().maxBodyBytes(), Duration.ofSeconds(settings.jobs().artifactUrlSeconds()), clock).register(api, API);
        // the dashboard's routes (docs/server.md)
        new PresetRoutes().register(api);
        new ResultFileRoutes(service, store).register(api);
        new DepictionRoutes().register(api);
        new MultiJobEventStream(jobs, bus, jobEvents).register(api);
        new FrameStream(service, jobs, bus, updates, jobEvents).register(api);
        billingRoutes(in, settings, accounts, admission, periods, users, clock).register(api);
        List<String> routes = new ArrayList<>(api.routes());
        new CallbackRoute(CallbackVerifier.forMaster(settings.callbackSecret().bytes()), updates).register(routing, routes);

        Optional<RedissonClient> redis = settings.redisUrl() == null ? Optional.empty() : Optional.of(in.getInstance(RedissonClient.class));
        HealthObserver health = HealthObserver.builder().details(true).useSystemServices(false)
                .addCheck(new Readiness("database", db::healthy))
                .addCheck(new Readiness("rate-limiter", limiter::healthy))
                .addCheck(new Readiness("progress-bus", bus::healthy))
                .addCheck(new Readiness("orchestrator", () -> orchestratorAnswers(orchestrator)))
                .addCheck(new Readiness("admission-ledger", ledger::healthy))
                .build();
        WebServer web = WebServer.builder()
                .host(settings.host()).port(settings.port())
                // small JSON answers are written in two segments (head, body): without TCP_NODELAY, Nagle and the
                // client's delayed ACK hold each answer for tens of milliseconds
                .connectionOptions(o -> o.tcpNoDelay(true))
                .shutdownHook(false)
                .addFeature(ObserveFeature.builder().endpoint("/").addObserver(health).addObserver(MetricsObserver.create()).build())
                .addFeature(OpenApiFeature.builder().staticFile("META-INF/openapi.yaml").servicesDiscoverServices(false)
                        .managerDiscoverServices(false).build())
                .addFeature(AccessLogFeature.create())
                .addFeature(StaticContentFeature.builder().addClasspath(c -> c.location("web").context("/").welcome("index.html")).build())
                .routing(routing)
                .build();
        phases.append(", routes and features ").append(ms(t)).append(" ms");
        ServerMetrics serverMetrics = new ServerMetrics(io.helidon.service.registry.Services.get(io.helidon.metrics.api.MeterRegistry.class), jobs, db);
        updates.onSucceeded(j -> {
            io.live2.jobs.JobSpec spec = io.live2.jobs.JobSpecJson.parse(j.spec());
            if (j.startedAt() != null && j.endedAt() != null) {
                serverMetrics.jobSucceeded((j.endedAt() - j.startedAt()) / 1000.0,
                        (double) spec.simulation().particles() * spec.simulation().steps());
            }
            recordArtifacts(jobs, store, j.id(), spec.artifactPrefix());
        });
        Reconciler reconciler = new Reconciler(jobs, orchestrator, service, updates);
        // after each pass (the first before the server takes requests): free the slots of jobs that ended while no
        // server saw it, or whose release failed
        reconciler.afterEachPass(() -> repairSlots(jobs, ledger, clock));
        reconciler.pass(); // a restarted server first takes over what the last one left
        web.start();
        if (orchestrator instanceof LocalOrchestrator local) {
            local.releaseRecovered(); // the jobs a restart found resume once the server answers
        }
        reconciler.start(Duration.ofSeconds(settings.jobs().reconcileSeconds()));
        phases.append(", reconcile and listen ").append(ms(t)).append(" ms");
        LOG.info("start-up: " + phases);
        LOG.info("live server ready at " + settings.baseUrl(web.port()) + " (" + redis.map(r -> "redis").orElse("in-process limits") + ")");
        return new LiveServer(settings, in, web, reconciler, serverMetrics, List.copyOf(routes), firstKey);
    }

    /**
     * A job ended: its parallel slot is freed, and what it actually took (running time, and its cost priced the
     * way the estimate prices it, without the safety factor) is recorded beside the estimate and in the month's usage.
     */
    private static void finished(io.live2.server.db.JobRow j, Admission admission, JobRepository jobs,
                                 UsagePeriodRepository periods, CalibratedEstimator estimator) {
        admission.finished(j.userId(), j.id());
        if (j.startedAt() != null && j.endedAt() != null && j.endedAt() >= j.startedAt()) {
            double seconds = (j.endedAt() - j.startedAt()) / 1000.0;
            double cost = estimator.actualCostUsd(seconds, Capacity.ofWire(j.capacity()));
            jobs.recordActual(j.id(), seconds, cost);
            periods.finished(j.userId(), UsagePeriods.of(java.time.Instant.ofEpochMilli(j.endedAt())), seconds, cost);
        }
    }

    /** A reservation this old with no job behind it was abandoned by a server that died before inserting the job. */
    static final long ABANDONED_RESERVATION_MILLIS = 10 * 60_000;

    /**
     * At start-up and after every reconciliation: a job the ledger still counts as running but the jobs table has in
     * a final state (a server killed between the job's end and its release, or a release that failed) is released, and a reservation with no job
     * behind it for ten minutes (killed between the reservation and the insert) is given back. Without this a
     * Hobby account would stay at its one parallel job forever. Only what is certainly stale is touched, so other
     * replicas' admissions in flight are safe.
     */
    static int repairSlots(JobRepository jobs, AdmissionLedger ledger, Clock clock) {
        int repaired = 0;
        try {
            long now = clock.millis();
            for (var user : ledger.running().entrySet()) {
                for (var slot : user.getValue().entrySet()) {
                    Optional<io.live2.server.db.JobRow> row = jobs.internalGet(slot.getKey());
                    if (row.isPresent() && io.live2.jobs.JobState.ofWire(row.get().status()).terminal()) {
                        ledger.release(user.getKey(), slot.getKey());
                        repaired++;
                    } else if (row.isEmpty() && now - slot.getValue() > ABANDONED_RESERVATION_MILLIS) {
                        ledger.cancelReservation(user.getKey(), slot.getKey());
                        repaired++;
                    }
                }
            }
            if (repaired > 0) {
                LOG.info("admission ledger: " + repaired + " stale running slot(s) freed");
            }
        } catch (RuntimeException e) {
            LOG.warning("admission ledger not repaired now (the next pass tries again): " + e);
        }
        return repaired;
    }

    private static BillingRoutes billingRoutes(Injector in, ServerSettings settings, Accounts accounts, Admission admission,
                                               UsagePeriodRepository periods, UserRepository users, Clock clock) {
        Optional<StripeGateway> stripe = in.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Optional<StripeGateway>>() { }));
        Optional<WebhookVerifier> verifier = in.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Optional<WebhookVerifier>>() { }));
        StripeWebhooks webhooks = verifier.isPresent() && stripe.isPresent()
                ? new StripeWebhooks(verifier.get(), stripe.get(), in.getInstance(StripeEventRepository.class),
                in.getInstance(SubscriptionRepository.class), accounts, new io.live2.server.db.UserLocks(in.getInstance(Database.class)), clock)
                : null;
        String dashboard = settings.baseUrl(settings.port()) + "/#/billing";
        ServerSettings.Billing b = settings.billing();
        BillingRoutes.Links links = new BillingRoutes.Links(
                b.checkoutSuccessUrl() != null ? b.checkoutSuccessUrl() : dashboard + "?checkout=done",
                b.checkoutCancelUrl() != null ? b.checkoutCancelUrl() : dashboard + "?checkout=canceled",
                b.portalReturnUrl() != null ? b.portalReturnUrl() : dashboard);
        return new BillingRoutes(accounts, admission, periods, users, stripe.orElse(null), webhooks, links, b.pastDueGrace(),
                settings.limits().maxBodyBytes(), clock);
    }

    /** Keeps the finished job's artifact list (path, size, SHA-256) in job_artifacts, as the store had it. */
    private static void recordArtifacts(JobRepository jobs, ArtifactStore store, String jobId, String prefix) {
        try {
            jobs.replaceArtifacts(jobId, store.list(prefix).stream()
                    .map(a -> new JobRepository.Artifact(a.key().substring(prefix.length()), a.size(), a.sha256())).toList());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warning("artifacts of job " + jobId + " not recorded: " + e);
        }
    }

    /** Milliseconds since the mark, and moves the mark to now. */
    private static long ms(long[] mark) {
        long now = System.nanoTime();
        long d = (now - mark[0]) / 1_000_000;
        mark[0] = now;
        return d;
    }

    private static boolean orchestratorAnswers(Orchestrator o) {
        try {
            o.status("readiness-probe");
            return true;
        } catch (io.live2.jobs.UnknownJobException e) {
            return true;
        }
    }

    /** On the first start (no users yet) creates the local admin and an API key with every scope; null otherwise. */
    private static String firstStart(UserRepository users, KeyRoutes keys, Clock clock) {
        if (users.count() > 0) {
            return null;
        }
        UserRepository.User admin = new UserRepository.User(Secrets.id("u"), "admin@localhost",
                PasswordHasher.owaspDefaults().hash(Secrets.token(32)), "admin", clock.millis());
        if (!users.create(admin)) {
            return null;
        }
        return keys.issue(admin.id(), "first key", List.of("jobs:read", "jobs:write", "billing")).key();
    }

    public int port() {
        return web.port();
    }

    public String url() {
        return settings.baseUrl(web.port());
    }

    /** The admin's API key when this start created it (shown once), else empty. */
    public Optional<String> firstKey() {
        return Optional.ofNullable(firstKey);
    }

    /** Every route, "METHOD /path/{param}", for the OpenAPI completeness test. */
    public List<String> routes() {
        return routes;
    }

    public Injector injector() {
        return injector;
    }

    /** Graceful stop: drain requests, checkpoint and release running local jobs, close pools. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        reconciler.close();
        web.stop();
        closeQuietly(injector.getInstance(Orchestrator.class));
        closeQuietly(injector.getInstance(ProgressBus.class));
        closeQuietly(injector.getInstance(RateLimiter.class));
        if (settings.redisUrl() != null) {
            injector.getInstance(RedissonClient.class).shutdown();
        }
        serverMetrics.close();
        closeQuietly(injector.getInstance(Database.class));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warning("while stopping: " + e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
