package io.live2.jobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@link FileSystemArtifactStore} signed URLs on 127.0.0.1 (ephemeral port) with the JDK's HttpServer:
 * {@code GET /a/<key>?expires=<epoch s>&sig=<hex HMAC-SHA256("GET\n" + key + "\n" + expires)>}. A bad or missing
 * signature or a past expiry answers 403; a missing object 404; otherwise the file is streamed (200).
 */
public final class SignedUrlServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final FileSystemArtifactStore store;
    private final byte[] key;
    private final Clock clock;

    SignedUrlServer(FileSystemArtifactStore store, byte[] key, Clock clock) throws IOException {
        this.store = store;
        this.key = key.clone();
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "signed-url-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/a/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL for a key valid until the expiry. */
    URI url(String objectKey, long expiresEpochSeconds) {
        String sig = SignedUrls.hmacHex(key, SignedUrls.downloadMessage(objectKey, expiresEpochSeconds));
        StringBuilder path = new StringBuilder();
        for (String seg : objectKey.split("/")) {
            path.append('/').append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create("http://127.0.0.1:" + port() + "/a" + path + "?expires=" + expiresEpochSeconds + "&sig=" + sig);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "method not allowed");
                return;
            }
            String objectKey = ex.getRequestURI().getPath().substring("/a/".length());
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            long expires;
            try {
                expires = Long.parseLong(q.getOrDefault("expires", ""));
            } catch (NumberFormatException e) {
                send(ex, 403, "forbidden: missing or bad expiry");
                return;
            }
            String expected = SignedUrls.hmacHex(key, SignedUrls.downloadMessage(objectKey, expires));
            if (!SignedUrls.same(expected, q.get("sig"))) {
                send(ex, 403, "forbidden: bad signature");
                return;
            }
            if (clock.instant().getEpochSecond() >= expires) {
                send(ex, 403, "forbidden: expired");
                return;
            }
            Path file;
            try {
                file = store.file(objectKey);
            } catch (IllegalArgumentException e) {
                send(ex, 403, "forbidden: bad key");
                return;
            }
            if (!Files.isRegularFile(file)) {
                send(ex, 404, "not found");
                return;
            }
            ArtifactMediaType type = ArtifactMediaType.of(objectKey);
            ex.getResponseHeaders().add("Content-Type", type.contentType());
            ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            if (type.viewable()) {
                // the report is shown in the browser, but it is a document of the run, not of this site: sandboxed,
                // no scripts, nothing fetched; its CSS and SVG are inline
                ex.getResponseHeaders().add("Content-Security-Policy",
                        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
            } else {
                ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\""
                        + objectKey.substring(objectKey.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            }
            ex.sendResponseHeaders(200, Files.size(file));
            try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = (body + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
