package io.live2.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Refuses a declared body larger than the limit on every route, in the one error shape, before any handler runs
 * (up to 8 MiB the body is read and dropped first, so the client is sure to receive the 413).
 * Chunked bodies without a length are cut at the limit where they are read ({@link Bodies}).
 */
public final class BodyLimit implements Filter {
    private final int maxBytes;

    /** Bodies declared up to this size are read and dropped before the 413; larger ones get it with a close. */
    static final long SWALLOW_MAX_BYTES = 8L << 20;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long declared = req.headers().contentLength().orElse(0L);
        if (declared > maxBytes) {
            if (declared <= SWALLOW_MAX_BYTES) {
                // read and drop the body first: a server that answers and closes while the client is still sending
                // makes the client's TCP stack reset the connection, and the client sees "connection reset" instead
                // of the 413 (a test caught it under load)
                drain(req);
            } else {
                res.header(io.helidon.http.HeaderNames.CONNECTION, "close");
            }
            ErrorBodies.send(req, res, Bodies.tooLarge(maxBytes));
            return;
        }
        chain.proceed();
    }

    private static void drain(RoutingRequest req) {
        try (java.io.InputStream in = req.content().inputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | RuntimeException e) {
            // the client went away or sent less than it declared: the answer below is all that is left to do
        }
    }
}
