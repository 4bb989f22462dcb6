package io.live2.engine;

import io.live2.model.io.StepFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.live2.model.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run directory of ARCHITECTURE.md: metadata.json, results/, snapshots/, trajectory.xyz, checkpoints/, logs/.
 * The same layout is used locally and under an object-store prefix.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /** Creates (or reuses) the directory and its sub-directories. */
    public static RunDirectory create(Path root) throws IOException {
        RunDirectory d = new RunDirectory(root);
        Files.createDirectories(d.resultsDir());
        Files.createDirectories(root.resolve("snapshots"));
        Files.createDirectories(root.resolve("checkpoints"));
        Files.createDirectories(root.resolve("logs"));
        return d;
    }

    /** Opens an existing run directory (for resume and analysis). */
    public static RunDirectory open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("run directory " + root + " does not exist");
        }
        return create(root);
    }

    public Path root() {
        return root;
    }

    public Path metadata() {
        return root.resolve("metadata.json");
    }

    public Path resultsDir() {
        return root.resolve("results");
    }

    public Path results() {
        return resultsDir().resolve("results.json");
    }

    public Path trajectory() {
        return root.resolve("trajectory.xyz");
    }

    /** thermo.csv: one row of thermodynamic output every output.thermo_every steps (see ThermoLog). */
    public Path thermo() {
        return root.resolve(ThermoLog.FILE);
    }

    /** logs/failure.json: written when a run fails (see FailureReport). */
    public Path failureReport() {
        return root.resolve("logs").resolve("failure.json");
    }

    public Path log() {
        return root.resolve("logs").resolve("simulation.log");
    }

    public Path snapshotsDir() {
        return root.resolve("snapshots");
    }

    /** Deletes the snapshot_&lt;step&gt;.json files with from &lt; step &lt; to (steps compared as numbers). */
    void deleteSnapshotFilesBetween(long from, long to) throws IOException {
        for (Path p : StepFiles.snapshots(snapshotsDir())) {
            long step = StepFiles.snapshotStep(p.getFileName().toString()).orElseThrow();
            if (step > from && step < to) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path snapshot(long step) {
        return root.resolve("snapshots").resolve(StepFiles.snapshotName(step));
    }

    public Path checkpoint(long step) {
        return root.resolve("checkpoints").resolve(StepFiles.checkpointName(step));
    }

    /** The checkpoint files, oldest step first. */
    public List<Path> checkpoints() throws IOException {
        return StepFiles.checkpoints(root.resolve("checkpoints"));
    }

    /** The checkpoint with the highest step, if any. */
    public Optional<Path> latestCheckpoint() throws IOException {
        List<Path> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Writes a JSON document atomically. */
    public void writeJson(Path file, Object value) throws IOException {
        writeJsonFile(file, value);
    }

    /** Writes a JSON document atomically, anywhere (soak.json). */
    static void writeJsonFile(Path file, Object value) throws IOException {
        AtomicFiles.write(file, out -> {
            JSON.writeValue(new NonClosingStream(out), value);
            out.write('\n');
        });
    }

    /** Appends a time-stamped line to logs/simulation.log. */
    public void log(String message) {
        try (BufferedWriter w = Files.newBufferedWriter(log(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(Instant.now() + " " + message);
            w.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson closes the stream it writes to; the atomic writer must close it itself. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
