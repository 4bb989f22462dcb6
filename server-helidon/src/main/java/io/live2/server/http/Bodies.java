package io.live2.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a JSON request body: the content type must be JSON (415) and the body at most the limit (413). */
public final class Bodies {
    private Bodies() {
    }

    public static byte[] json(ServerRequest req, int maxBytes) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "Content-Type: '" + JsonBody.oneLine(type)
                    + "' is not supported; send application/json");
        }
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] b = in.readNBytes(maxBytes + 1);
            if (b.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "payload_too_large", "request body: larger than " + maxBytes + " bytes");
    }
}
