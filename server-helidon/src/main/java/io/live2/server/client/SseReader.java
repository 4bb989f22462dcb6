package io.live2.server.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Parses a text/event-stream (the WHATWG format): "id:", "event:" and "data:" fields (multi-line data joined with
 * '\n', one optional space after the colon removed), comment lines starting with ':', LF or CRLF line ends; a
 * blank line dispatches the event. An event without data is not dispatched.
 */
public final class SseReader {
    private SseReader() {
    }

    /** Reads events until the stream ends; returns the id of the last event that had one. */
    public static String read(InputStream in, Consumer<ServerEvent> sink) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String lastId = null;
        String id = null;
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    if (id != null) {
                        lastId = id;
                    }
                    sink.accept(new ServerEvent(id != null ? id : lastId, name == null ? "message" : name, data.toString()));
                }
                id = null;
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields are ignored, as the format says
                }
            }
        }
        return lastId;
    }
}
