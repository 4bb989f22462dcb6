package io.live2.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the one error shape, {@code {"error": {"code", "message", "field"?, "request_id"}}}, for every failure:
 * an {@link ApiException} as it says, anything else as a 500 whose message carries only the request id (the
 * stack trace goes to the log, never to the client).
 */
public final class ErrorBodies {
    private static final Logger LOG = Logger.getLogger(ErrorBodies.class.getName());

    private ErrorBodies() {
    }

    public static void send(ServerRequest req, ServerResponse res, ApiException e) {
        ObjectNode err = Json.object();
        ObjectNode inner = err.putObject("error");
        inner.put("code", e.code()).put("message", e.getMessage());
        if (e.field() != null) {
            inner.put("field", e.field());
        }
        if (!e.details().isEmpty()) {
            inner.set("details", Json.MAPPER.valueToTree(new java.util.TreeMap<>(e.details())));
        }
        inner.put("request_id", RequestIds.of(req));
        if (e.retryAfterSeconds() > 0) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.status(Status.create(e.status()));
        Responses.json(res, err);
    }

    /** Helidon's own refusals (no such route, a malformed request line, a method not allowed), in our shape. */
    public static void http(ServerRequest req, ServerResponse res, io.helidon.http.HttpException e) {
        int code = e.status().code();
        if (code >= 500) {
            unexpected(req, res, e);
            return;
        }
        String c = switch (code) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "invalid_request";
        };
        send(req, res, new ApiException(code, c, code == 404 ? "no such resource" : JsonBody.oneLine(e.getMessage())));
    }

    public static void unexpected(ServerRequest req, ServerResponse res, Throwable t) {
        String id = RequestIds.of(req);
        LOG.log(Level.SEVERE, "request " + id + " failed: " + t, t);
        send(req, res, new ApiException(500, "internal", "the server failed to answer this request; it is logged under request id " + id));
    }
}
