package io.live2.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;

/**
 * Security headers on every response, and CORS for the configured origins only (none by default, so a browser on
 * another site cannot call the API with a user's credentials). API responses are never cached: an authenticated
 * answer marked publicly cacheable was one of the prototype's defects.
 */
public final class SecurityHeaders implements Filter {
    /** The API's policy: its answers are JSON and event streams, never documents that load anything. */
    public static final String API_CSP = "default-src 'self'; frame-ancestors 'none'";
    /**
     * The dashboard's policy (docs/contract DASHBOARD_API item 6): its own scripts and styles only, images also from
     * data: and blob: URLs (depictions, canvases saved as images), no plugins, no framing, forms only to itself.
     */
    public static final String DASHBOARD_CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private final List<String> corsOrigins;

    public SecurityHeaders(List<String> corsOrigins) {
        this.corsOrigins = List.copyOf(corsOrigins);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        boolean api = req.path().path().startsWith("/api/");
        res.header(HeaderNames.create("Content-Security-Policy"), api ? API_CSP : DASHBOARD_CSP);
        if (api) {
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
        }
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && corsOrigins.contains(origin)) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            res.header(HeaderNames.VARY, "Origin");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, X-API-Key, Content-Type, X-Request-Id, Last-Event-ID");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
            res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After, X-Request-Id");
            if (req.prologue().method().text().equals("OPTIONS")) {
                res.status(io.helidon.http.Status.NO_CONTENT_204);
                res.send();
                return;
            }
        }
        chain.proceed();
    }
}
