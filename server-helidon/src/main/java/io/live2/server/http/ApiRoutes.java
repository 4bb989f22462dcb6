package io.live2.server.http;

import io.helidon.dbclient.DbClientException;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.live2.server.auth.Authenticator;
import io.live2.server.auth.Caller;
import io.live2.server.auth.Scope;
import io.live2.server.admission.LedgerUnavailableException;
import io.live2.server.db.DatabaseUnavailableException;
import io.live2.server.db.IdempotencyConflictException;
import io.live2.server.limits.RateLimiter;
import io.live2.server.observe.RouteMetrics;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the API's routes under one base path and gives each the same treatment: authentication and the scope
 * check (user routes), the rate limit (per key or user; per client address on open routes), timing per route and
 * status, and errors mapped to the one error shape. It also keeps the list of routes, which a test compares with
 * the OpenAPI document.
 */
public final class ApiRoutes {
    /** A route that needs a signed-in caller. */
    @FunctionalInterface
    public interface UserHandler {
        void handle(ServerRequest req, ServerResponse res, Caller caller) throws Exception;
    }

    /** A route without authentication. */
    @FunctionalInterface
    public interface OpenHandler {
        void handle(ServerRequest req, ServerResponse res) throws Exception;
    }

    private final HttpRouting.Builder routing;
    private final String base;
    private final Authenticator auth;
    private final RateLimiter limiter;
    private final java.util.function.Function<String, RateLimiter.Limit> userLimits;
    private final RateLimiter.Limit ipLimit;
    private final RouteMetrics metrics;
    private final List<String> routes = new ArrayList<>();

    /** @param userLimits the rate limit of a user's keys and sessions (the tier's API rate) */
    public ApiRoutes(HttpRouting.Builder routing, String base, Authenticator auth, RateLimiter limiter,
                     java.util.function.Function<String, RateLimiter.Limit> userLimits, int ipPerMinute, RouteMetrics metrics) {
        this.routing = routing;
        this.base = base;
        this.auth = auth;
        this.limiter = limiter;
        this.userLimits = userLimits;
        this.ipLimit = RateLimiter.Limit.perMinute(ipPerMinute);
        this.metrics = metrics;
    }

    public void user(Method method, String path, Scope scope, UserHandler h) {
        register(method, path, (req, res) -> {
            Caller c = auth.authenticate(req);
            limit(c.limitKey(), userLimits.apply(c.userId()));
            if (scope != null && !c.may(scope)) {
                throw ApiException.forbidden("this API key lacks the scope '" + scope.wire() + "'");
            }
            h.handle(req, res, c);
        });
    }

    public void open(Method method, String path, OpenHandler h) {
        register(method, path, (req, res) -> {
            limit("ip:" + req.remotePeer().host(), ipLimit);
            h.handle(req, res);
        });
    }

    /** An open route with its own limit (login: per email as well). */
    public void limit(String key, RateLimiter.Limit limit) {
        RateLimiter.Decision d = limiter.acquire(key, limit);
        if (!d.allowed()) {
            throw ApiException.tooManyRequests(Math.max(1, d.retryAfterSeconds()));
        }
    }

    private void register(Method method, String path, OpenHandler h) {
        String template = base + path;
        routes.add(method.text() + " " + template);
        routing.route(method, template, (req, res) -> {
            long t0 = System.nanoTime();
            try {
                h.handle(req, res);
            } catch (ApiException e) {
                ErrorBodies.send(req, res, e);
            } catch (IdempotencyConflictException e) {
                ErrorBodies.send(req, res, new ApiException(409, "idempotency_conflict", e.getMessage(), "idempotency_key", 0));
            } catch (DatabaseUnavailableException e) {
                ErrorBodies.send(req, res, ApiException.unavailable("the database is not reachable; retry shortly", 5));
            } catch (LedgerUnavailableException e) {
                ErrorBodies.send(req, res, ApiException.unavailable("the admission counts (Redis) are not reachable; retry shortly", 5));
            } catch (DbClientException e) {
                if (transientConnection(e)) {
                    ErrorBodies.send(req, res, ApiException.unavailable("the database is not reachable; retry shortly", 5));
                } else {
                    ErrorBodies.unexpected(req, res, e);
                }
            } catch (Exception e) {
                if (!res.isSent()) {
                    ErrorBodies.unexpected(req, res, e);
                }
            } finally {
                metrics.record(method.text(), template, res.status().code(), System.nanoTime() - t0);
            }
        });
    }

    /**
     * The database went away rather than the statement being wrong: a connection error (SQLState class 08), or the
     * server shutting down or not yet accepting connections (57P01 admin_shutdown, which a query in flight gets from
     * `pg_ctl stop -m fast`; 57P02 crash_shutdown; 57P03 cannot_connect_now while it starts): 503, not 500.
     */
    static boolean transientConnection(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof DatabaseUnavailableException
                    || (c instanceof java.sql.SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }

    /** "METHOD /api/v1/path/{param}" for every registered route. */
    public List<String> routes() {
        return List.copyOf(routes);
    }
}
