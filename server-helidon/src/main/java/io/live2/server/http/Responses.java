package io.live2.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/** JSON responses. */
public final class Responses {
    private Responses() {
    }

    public static void json(ServerResponse res, JsonNode body) {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static void json(ServerResponse res, int status, JsonNode body) {
        res.status(Status.create(status));
        json(res, body);
    }

    public static void created(ServerResponse res, String location, JsonNode body) {
        res.header(HeaderNames.LOCATION, location);
        json(res, 201, body);
    }

    public static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204);
        res.send();
    }
}
