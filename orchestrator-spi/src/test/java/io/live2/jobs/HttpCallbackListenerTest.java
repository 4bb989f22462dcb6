package io.live2.jobs;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpCallbackListenerTest {
    record Received(String body, String timestamp, String signature) {
    }

    @Test
    void postsSignedEventsAndNeverThrows() throws Exception {
        List<Received> got = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cb", ex -> {
            got.add(new Received(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst(HttpCallbackListener.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(HttpCallbackListener.SIGNATURE_HEADER)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            HttpCallbackListener l = new HttpCallbackListener(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cb"),
                    "s3cret", Clock.systemUTC());
            JobRecord r = JobRecord.create("j", "u", Clock.systemUTC());
            l.onStatus(r.transition(JobState.RUNNING, "started"));
            l.flush(Duration.ofSeconds(10));
            assertEquals(1, got.size());
            Received m = got.get(0);
            assertTrue(m.body().startsWith("{\"event\":\"status\",\"job_id\":\"j\",\"status\":{"), m.body());
            assertEquals(HttpCallbackListener.signature("s3cret".getBytes(StandardCharsets.UTF_8), Long.parseLong(m.timestamp()), m.body()),
                    m.signature());
        } finally {
            server.stop(0);
        }
        HttpCallbackListener dead = new HttpCallbackListener(URI.create("http://127.0.0.1:1/cb"), null, Clock.systemUTC());
        dead.onProgress(JobRecord.create("j", "u", Clock.systemUTC()).status());
        dead.flush(Duration.ofSeconds(10));
    }
}
