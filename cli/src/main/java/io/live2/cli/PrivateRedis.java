package io.live2.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the drill's own: a child process on a free loopback port, no persistence, its output appended
 * to a log in the drill's directory. {@link #kill9} is the fault (no goodbye to clients); {@link #start} again on
 * the same port is Redis coming back, empty.
 */
final class PrivateRedis implements AutoCloseable {
    final int port;
    private final Path log;
    private volatile Process process;
    private final Thread onExit = new Thread(() -> {
        Process p = process;
        if (p != null) {
            p.destroyForcibly(); // a drill stopped by Ctrl-C leaves no redis-server running
        }
    }, "private-redis-stop");

    private PrivateRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static PrivateRedis start(Path log) throws IOException, InterruptedException {
        PrivateRedis r = new PrivateRedis(PrivatePostgres.freePort(), log);
        Runtime.getRuntime().addShutdownHook(r.onExit);
        r.start();
        return r;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--daemonize", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try {
                dbSize();
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("redis-server exited " + process.exitValue() + "; its log: " + log);
                }
                Thread.sleep(50); // polling for the port to answer; the bound is the deadline
            }
        }
        throw new IOException("redis-server did not answer on port " + port + " within 20 s; its log: " + log);
    }

    /** SIGKILL. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** DBSIZE over the wire (RESP): how many keys Redis holds, i.e. whether the server writes to it. */
    long dbSize() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("DBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            String reply = line.toString().strip();
            if (!reply.startsWith(":")) {
                throw new IOException("DBSIZE answered " + reply);
            }
            return Long.parseLong(reply.substring(1));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
