package io.live2.server;

import io.live2.server.observe.JsonLogFormatter;
import io.live2.server.settings.ServerSettings;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Runs the server as a process (what {@code live serve} does): JSON log lines on stderr, the URL and, on the first
 * start, the admin's API key on stdout, and a graceful stop on SIGTERM or Ctrl-C (stop accepting, drain requests,
 * checkpoint running local jobs, close pools) before the JVM exits.
 */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    /** Starts the server and blocks until the process is asked to stop. */
    public static void runUntilStopped(ServerSettings settings, PrintStream out) throws InterruptedException {
        jsonLogs();
        long t0 = System.nanoTime();
        LiveServer server = LiveServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.getLogger(ServerLauncher.class.getName()).info("stopping: draining requests and checkpointing running jobs");
            server.stop();
            stopped.countDown();
        }, "live-server-shutdown"));
        server.firstKey().ifPresent(k -> {
            out.println("live: first start: an API key for the local admin (shown once, stored hashed):");
            out.println("LIVE_API_KEY=" + k);
        });
        out.println("live: the dashboard: open " + server.url() + "/ in a browser (sign up there, or sign in)");
        // the last line of start-up: scripts wait for it
        out.println("live: serving " + settings.mode() + " mode at " + server.url() + " (ready in "
                + Math.round((System.nanoTime() - t0) / 1e6) + " ms; data in " + settings.dataDir() + ")");
        out.flush();
        stopped.await();
    }

    /** One JSON object per log line on stderr, with the request id when the line is logged while serving one. */
    static void jsonLogs() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        // buffered: an access-log line per request must not cost a write system call; warnings and errors are
        // flushed at once, the rest every 200 ms
        Handler h = new StreamHandler(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), 1 << 16),
                new JsonLogFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord r) {
                super.publish(r);
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    flush();
                }
            }
        };
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-flush");
            t.setDaemon(true);
            return t;
        }).scheduleWithFixedDelay(h::flush, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(h::flush, "log-flush-at-exit"));
        h.setLevel(Level.INFO);
        root.addHandler(h);
        root.setLevel(Level.INFO);
    }
}
