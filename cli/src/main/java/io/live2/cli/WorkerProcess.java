package io.live2.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One `live worker` in a child JVM (the same java, class path and JVM flags as this process), as a Batch container
 * runs it: the drills start it, read its progress lines, and signal it with kill(1) as a spot reclaim (SIGTERM) or a
 * lost host (SIGKILL) would.
 */
final class WorkerProcess implements AutoCloseable {
    private static final Pattern PROGRESS = Pattern.compile("^progress: step (\\d+)/");

    private final Process process;
    private final BufferedReader output;
    private final StringBuffer transcript = new StringBuffer(); // appended by the drain thread too
    private final long startNanos = System.nanoTime();
    private volatile long firstProgressNanos = -1;

    private WorkerProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static WorkerProcess start(Path spec, String artifacts, Path workDir) throws IOException {
        List<String> cmd = ChildJvm.command(List.of(), Main.class.getName(), List.of("worker",
                "--spec", spec.toString(), "--artifacts", artifacts, "--work-dir", workDir.toString()));
        return new WorkerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /**
     * Reads the worker's output until it reports a step at or past {@code step}; returns that step, or -1 when the
     * worker's output ended first (it finished or died).
     */
    long awaitStep(long step) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            transcript.append(line).append('\n');
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) {
                if (firstProgressNanos < 0) {
                    firstProgressNanos = System.nanoTime();
                }
                long at = Long.parseLong(m.group(1));
                if (at >= step) {
                    return at;
                }
            }
        }
        return -1;
    }

    /**
     * Waits up to the given seconds for the worker to exit by itself (the kill schedule's delay); true when it did.
     * Its output is drained on another thread meanwhile, so a chatty worker never blocks on a full pipe.
     */
    boolean exitsWithin(double seconds) throws InterruptedException {
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                awaitStep(Long.MAX_VALUE);
            } catch (IOException ignored) {
                // the process ended or was killed: its output is closed
            }
        });
        boolean exited = process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (exited) {
            drain.join();
        }
        return exited;
    }

    /** Sends a signal by kill(1): Process.destroy would also close our end of the child's output. */
    void signal(String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        if (rc != 0 && process.isAlive()) {
            throw new IOException("kill -" + name + " " + process.pid() + " exited " + rc);
        }
    }

    /** Drains the output and waits for the exit code; -1 if the worker is still running after the timeout. */
    int awaitExit(long seconds) throws IOException, InterruptedException {
        awaitStep(Long.MAX_VALUE);
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** Seconds from start to the first progress line (the restart latency a resumed job sees), or NaN. */
    double secondsToFirstProgress() {
        return firstProgressNanos < 0 ? Double.NaN : (firstProgressNanos - startNanos) / 1e9;
    }

    String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
