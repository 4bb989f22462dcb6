package io.live2.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Server-Sent Events connection of the SSE drill: a raw socket read by a virtual thread, so that ten thousand
 * of them cost a socket and a parked virtual thread each (java.net.http would hold a buffer pipeline per stream).
 * It sends the GET, reads the status line and headers, then decodes the chunked body and counts the events by name
 * ("status", "progress") and the {@code :ping} comments, keeping only the first bytes of each line. It reads until
 * the server ends the stream or {@link #close} is called.
 */
final class SseStream implements AutoCloseable {
    /** Bytes of a line kept: enough for "event: progress"; the data lines (the job's JSON) are skipped. */
    private static final int KEEP = 32;

    private final Socket socket = new Socket();
    private final CountDownLatch settled = new CountDownLatch(1);
    final AtomicInteger statusEvents = new AtomicInteger();
    final AtomicInteger progressEvents = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    /** The HTTP status (0 until the head is read). */
    volatile int httpStatus;
    /** A refusal's body (its JSON error), or null. */
    volatile String refusal;
    volatile String retryAfter;
    /** Why the connection failed (connect, read), or null. */
    volatile String failure;
    /** The server ended the stream (the last chunk, or EOF) while the drill still held it. */
    volatile boolean endedByServer;
    private volatile boolean closing;
    private final long startNanos = System.nanoTime();
    /** From the connect to the first event (a 200) or to the refusal's body, ns; -1 until then. */
    volatile long settledAfterNanos = -1;

    private SseStream() {
    }

    /**
     * Connects (from {@code local}, when not null: loopback has one source address per 28,000 ephemeral ports) and
     * starts reading on a virtual thread; {@link #awaitSettled} tells when the first event or the refusal came.
     */
    static SseStream open(String host, int port, String path, String apiKey, InetAddress local) {
        SseStream s = new SseStream();
        Thread.ofVirtual().start(() -> s.run(host, port, path, apiKey, local));
        return s;
    }

    /** True when the stream got its first event or its answer (refusal, failure) within the time. */
    boolean awaitSettled(long millis) throws InterruptedException {
        return settled.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Open: answered 200 and sent at least one event, and neither ended nor failed since. */
    boolean open() {
        return httpStatus == 200 && statusEvents.get() + progressEvents.get() > 0 && !endedByServer && failure == null;
    }

    private void run(String host, int port, String path, String apiKey, InetAddress local) {
        try {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-API-Key: " + apiKey
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream(), 2048);
            String status = line(in, 200);
            httpStatus = status == null || status.length() < 12 ? -1 : Integer.parseInt(status.substring(9, 12));
            boolean chunked = false;
            long length = -1;
            String h;
            while ((h = line(in, 512)) != null && !h.isEmpty()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
                if (lower.startsWith("retry-after:")) {
                    retryAfter = h.substring(12).trim();
                }
            }
            if (httpStatus != 200) {
                byte[] body = in.readNBytes((int) Math.min(length < 0 ? 4096 : length, 4096));
                refusal = new String(body, StandardCharsets.UTF_8);
                settle();
                return;
            }
            Events events = new Events();
            if (chunked) {
                String size;
                while ((size = line(in, 64)) != null) {
                    int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                    if (n == 0) {
                        break; // the last chunk: the server ended the stream
                    }
                    for (int i = 0; i < n; i++) {
                        int b = in.read();
                        if (b < 0) {
                            throw new IOException("the stream broke inside a chunk");
                        }
                        events.accept(b);
                    }
                    line(in, 2); // the chunk's CRLF
                }
            } else {
                int b;
                while ((b = in.read()) >= 0) {
                    events.accept(b);
                }
            }
            if (!closing) {
                endedByServer = true;
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure = e.toString();
            }
        } finally {
            settle();
        }
    }

    private void settle() {
        if (settled.getCount() > 0) {
            settledAfterNanos = System.nanoTime() - startNanos;
            settled.countDown();
        }
    }

    /** Reads a CRLF- or LF-ended line of at most max kept characters (the rest dropped); null at EOF. */
    private static String line(InputStream in, int max) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' ? sb.length() - 1 : sb.length();
                return sb.substring(0, end);
            }
            if (sb.length() < max) {
                sb.append((char) b);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The text/event-stream lines: an "event:" field names the event, a blank line dispatches it, ':' is a comment. */
    private final class Events {
        private final byte[] head = new byte[KEEP];
        private int kept;
        private int length;
        private String name;
        private boolean fields;

        void accept(int b) {
            if (b == '\r') {
                return;
            }
            if (b != '\n') {
                if (kept < KEEP) {
                    head[kept++] = (byte) b;
                }
                length++;
                return;
            }
            String start = new String(head, 0, kept, StandardCharsets.UTF_8);
            if (length == 0) {
                if (fields) {
                    dispatch(name == null ? "message" : name);
                }
                name = null;
                fields = false;
            } else if (start.startsWith(":")) {
                pings.incrementAndGet();
            } else {
                fields = true;
                if (start.startsWith("event:")) {
                    name = start.substring(6).trim();
                }
            }
            kept = 0;
            length = 0;
        }

        private void dispatch(String event) {
            switch (event) {
                case "status" -> statusEvents.incrementAndGet();
                case "progress" -> progressEvents.incrementAndGet();
                default -> {
                    // other events are not the drill's
                }
            }
            settle();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }
}
