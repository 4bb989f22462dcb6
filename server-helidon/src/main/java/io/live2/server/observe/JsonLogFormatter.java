package io.live2.server.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.context.Contexts;
import io.live2.server.http.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * JSON log lines: time, level, logger, message, the request id and W3C traceparent of the request being served
 * (from Helidon's request context), and the exception with its stack when there is one. Secrets never reach a log
 * line: settings print through {@code SettingsLoader.describe}, keys and tokens are never logged.
 */
public final class JsonLogFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        ObjectNode o = Json.object();
        o.put("time", Instant.ofEpochMilli(r.getMillis()).toString());
        o.put("level", r.getLevel().getName());
        o.put("logger", r.getLoggerName());
        o.put("message", formatMessage(r));
        Contexts.context().ifPresent(c -> {
            c.get("live.request_id", String.class).ifPresent(id -> o.put("request_id", id));
            c.get("live.traceparent", String.class).ifPresent(t -> o.put("traceparent", t));
        });
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            o.put("exception", sw.toString());
        }
        return Json.write(o) + System.lineSeparator();
    }
}
