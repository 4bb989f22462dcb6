package io.live2.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `live serve` in a child JVM (io.live2.server.ServerMain with this JVM's class path and flags) on an ephemeral
 * loopback port, its log appended to server.log beside the data directory: what the server drill kills and restarts.
 */
final class ServerProcess {
    private final Process process;
    final String url;
    /** The API key a first start prints (null on a restart). */
    final String firstKey;
    /** What the server says its own start took (from its launcher to serving, without the JVM's start), ms; -1 if unsaid. */
    final long readyInMillis;

    private ServerProcess(Process process, String url, String firstKey, long readyInMillis) {
        this.process = process;
        this.url = url;
        this.firstKey = firstKey;
        this.readyInMillis = readyInMillis;
    }

    static ServerProcess start(Path config, Path data) throws IOException {
        Files.createDirectories(data);
        Path log = data.resolveSibling("server.log");
        Process p = new ProcessBuilder(command(archive(data.toAbsolutePath().getParent()), "--port", "0", "--data", data.toString(), "--config", config.toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return awaitServing(p, log);
    }

    /**
     * A drill's server: its config written to dir/server.json, the class-data archive written (below), then the first
     * start on dir/data, which prints the first API key.
     */
    static ServerProcess firstStart(Path dir, String configJson) throws IOException, InterruptedException {
        Path config = dir.resolve("server.json");
        Files.writeString(config, configJson);
        writeClassDataArchive(dir);
        return start(config, dir.resolve("data"));
    }

    /**
     * One start and graceful stop in a scratch directory (ServerMain --check), which writes the class-data archive
     * that every later start maps, as `./live` does after a build: a restarted production server starts from its
     * archive too, so the drill's recovery times are not those of a JVM that never ran before.
     */
    static void writeClassDataArchive(Path dir) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(dir, "cds-");
        Process p = new ProcessBuilder(command(archive(dir.toAbsolutePath()), "--check", "--port", "0", "--data", scratch.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(120, TimeUnit.SECONDS);
    }

    /** The drill's own archive in its directory (the parent JVM's belongs to it, which may be writing it). */
    private static Path archive(Path drillDir) {
        return drillDir.resolve("server-classes.jsa");
    }

    private static List<String> command(Path archive, String... args) {
        return ChildJvm.command(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"),
                "io.live2.server.ServerMain", List.of(args));
    }

    private static ServerProcess awaitServing(Process p, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String key = null;
        long readyIn = -1;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("LIVE_API_KEY=")) {
                key = line.substring("LIVE_API_KEY=".length());
            }
            if (line.startsWith("live: serving")) {
                url = line.replaceAll(".* at (http://[^ ]+) .*", "$1");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("ready in (\\d+) ms").matcher(line);
                readyIn = m.find() ? Long.parseLong(m.group(1)) : -1;
                break;
            }
        }
        if (url == null) {
            throw new IOException("the server did not start (" + (p.isAlive() ? "running" : "exit " + p.exitValue())
                    + "); its log: " + log);
        }
        Thread.ofVirtual().start(() -> { // keep draining stdout until the server's end closes it
            try {
                out.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException closed) {
                // the stream closed under the reader as the process ended: nothing more to drain
            }
        });
        return new ServerProcess(p, url, key, readyIn);
    }

    /** The child's process id: the SSE drill reads its memory and threads from /proc/<pid>/status. */
    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no graceful stop. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, the graceful stop; true when it ended within the time. */
    boolean stop(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }
}
