package io.live2.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Refuses a declared body larger than the limit on every route, in the one error shape, before any handler runs.
 * Chunked bodies without a length are cut at the limit where they are read ({@link Bodies}).
 */
public final class BodyLimit implements Filter {
    private final int maxBytes;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.headers().contentLength().orElse(0L) > maxBytes) {
            res.header(io.helidon.http.HeaderNames.CONNECTION, "close");
            ErrorBodies.send(req, res, Bodies.tooLarge(maxBytes));
            return;
        }
        chain.proceed();
    }
}
