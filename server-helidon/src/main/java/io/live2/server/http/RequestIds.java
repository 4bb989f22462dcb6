package io.live2.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token (1..64 of [A-Za-z0-9._-]),
 * else a new random one; echoed in the response header, in every error body and in the logs. A W3C
 * {@code traceparent} header is kept beside it for the logs and for calls the request causes.
 */
public final class RequestIds implements Filter {
    public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    public static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACE = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String KEY = "live.request_id";
    private static final String TRACE_KEY = "live.traceparent";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String given = req.headers().first(REQUEST_ID).orElse(null);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        req.context().register(KEY, id);
        req.headers().first(TRACEPARENT).filter(t -> TRACE.matcher(t).matches()).ifPresent(t -> req.context().register(TRACE_KEY, t));
        res.header(REQUEST_ID, id);
        chain.proceed();
    }

    /** 16 random characters: an id for correlating logs, not a secret, so a fast generator does. */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return Long.toString(r.nextLong() >>> 1, 36) + Long.toString(r.nextInt() & 0xffff, 36);
    }

    public static String of(ServerRequest req) {
        return req.context().get(KEY, String.class).orElse("none");
    }

    public static String traceparent(ServerRequest req) {
        return req.context().get(TRACE_KEY, String.class).orElse(null);
    }
}
