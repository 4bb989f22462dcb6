package io.live2.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the drill's own (initdb, pg_ctl) on a free loopback port with trust authentication, so
 * that the drill can stop and start it without touching a shared server. PostgreSQL refuses to run as root: when
 * this JVM is root the binaries run as the `postgres` user (runuser) in a directory under the system temporary
 * directory owned by that user (a drill directory may be private to root). Its log is copied beside the drill's
 * other logs when it is closed, and its directory deleted.
 */
final class PrivatePostgres implements AutoCloseable {
    /** Where Debian puts the binaries; LIVE_PG_BIN overrides it. */
    static final Path BIN = Path.of(System.getenv().getOrDefault("LIVE_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    final int port;
    private final Path home;
    private final Path logCopy;
    private boolean running;
    private final Thread onExit = new Thread(this::stopQuietly, "private-postgres-stop");

    private PrivatePostgres(Path home, int port, Path logCopy) {
        this.home = home;
        this.port = port;
        this.logCopy = logCopy;
    }

    /** Whether initdb, pg_ctl and postgres are installed where {@link #BIN} says. */
    static boolean available() {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(b -> Files.isExecutable(BIN.resolve(b)));
    }

    /** initdb into a new directory and start; the log ends up in {@code logCopy} on close. */
    static PrivatePostgres start(Path logCopy) throws IOException, InterruptedException {
        if (!available()) {
            throw new IOException("PostgreSQL binaries not found in " + BIN + " (initdb, pg_ctl, postgres; set LIVE_PG_BIN)");
        }
        Path home = Files.createTempDirectory("live-drill-pg-");
        if (ROOT) {
            UserPrincipal pg = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(home, pg);
        }
        PrivatePostgres p = new PrivatePostgres(home, freePort(), logCopy);
        Runtime.getRuntime().addShutdownHook(p.onExit); // a drill stopped by Ctrl-C leaves no cluster running
        p.run(List.of("initdb", "-D", p.data().toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"), 120);
        p.start();
        return p;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** pg_ctl start, waiting until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run(List.of("pg_ctl", "-D", data().toString(), "-l", home.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off", "start"), 90);
        running = true;
    }

    /** pg_ctl stop: {@code fast} ends every session at once (a crash-like stop is {@code immediate}). */
    void stop(String mode) throws IOException, InterruptedException {
        run(List.of("pg_ctl", "-D", data().toString(), "-m", mode, "-w", "-t", "60", "stop"), 90);
        running = false;
    }

    private Path data() {
        return home.resolve("data");
    }

    private void run(List<String> args, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (ROOT) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(BIN.resolve(args.get(0)).toString());
        cmd.addAll(args.subList(1, args.size()));
        Path out = Files.createTempFile("live-drill-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(args.get(0) + " did not finish within " + seconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", args.subList(0, Math.min(2, args.size()))) + " failed (exit "
                        + p.exitValue() + "): " + Files.readString(out).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void stopQuietly() {
        if (running) {
            try {
                stop("immediate");
            } catch (IOException | InterruptedException e) {
                System.err.println("live: could not stop the drill's PostgreSQL in " + home + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        Path log = home.resolve("postgres.log");
        if (Files.exists(log)) {
            Files.copy(log, logCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A loopback port free now (a race with another process taking it first is possible, and fails loudly). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
