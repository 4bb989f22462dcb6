package io.live2.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Every analysis frame of a run in a few appendable compressed files, so a long run does not leave one file per
 * frame: {@code snapshots/frames_<first step>.jsonl.gz}, each frame one gzip member holding one line of snapshot
 * JSON (the {@link SnapshotJson} format), so {@code zcat snapshots/frames_*.jsonl.gz} prints one snapshot per line.
 * A segment is closed at a {@link #sync} (before each checkpoint) once it holds {@link #SEGMENT_BYTES}, so a
 * 10^10-step run makes thousands of files, not millions, and an artifact store re-uploads at most one open segment.
 *
 * <p>Crash safety: frames are appended, never rewritten; {@link #sync} forces them to disk before a checkpoint is
 * written, so a checkpoint never refers to frames that were lost. A resume cuts what was written after its
 * checkpoint ({@link #truncateAfter}): segments that start later are deleted and the segment that spans the
 * checkpoint is cut after its last complete frame at or before it (a torn last member included).
 */
public final class FrameLog implements Closeable {
    /** A segment is closed at the first sync after it reaches this size. */
    public static final long SEGMENT_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final long segmentBytes;
    private FileChannel open;

    /** Appends to the newest segment in {@code dir} (or starts one with the next frame). */
    public FrameLog(Path dir) throws IOException {
        this(dir, SEGMENT_BYTES);
    }

    /** With another segment size (tests). */
    FrameLog(Path dir, long segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        List<Path> segments = segments(dir);
        if (!segments.isEmpty() && Files.size(segments.get(segments.size() - 1)) < segmentBytes) {
            open = FileChannel.open(segments.get(segments.size() - 1), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    /** Appends one frame as one gzip member. */
    public void append(Snapshot frame) throws IOException {
        if (open == null) {
            Path segment = dir.resolve(StepFiles.framesName(frame.step()));
            open = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer, 1 << 16)) {
            SnapshotJson.write(frame, gz);
        }
        // one write of the whole member: a crash leaves at most this member torn
        open.write(java.nio.ByteBuffer.wrap(buffer.toByteArray()));
    }

    /** Forces the frames to disk (before a checkpoint) and closes the segment once it is big enough. */
    public void sync() throws IOException {
        if (open == null) {
            return;
        }
        open.force(true);
        if (open.size() >= segmentBytes) {
            open.close();
            open = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.force(true);
            open.close();
            open = null;
        }
    }

    /** The segments in {@code dir}, in step order (compared as numbers). */
    public static List<Path> segments(Path dir) throws IOException {
        return StepFiles.frames(dir);
    }

    private static long firstStep(Path segment) {
        return StepFiles.framesStep(segment.getFileName().toString()).orElseThrow();
    }

    /** Receives frames in step order. */
    @FunctionalInterface
    public interface FrameConsumer {
        void accept(Snapshot frame) throws IOException;
    }

    /**
     * Reads every complete frame in {@code dir} in order. A torn member at the very end of the last segment (a run
     * killed while writing) is skipped; damage anywhere else is an error that names the segment.
     */
    public static int read(Path dir, FrameConsumer consumer) throws IOException {
        List<Path> segments = segments(dir);
        int frames = 0;
        for (int k = 0; k < segments.size(); k++) {
            Path segment = segments.get(k);
            boolean last = k == segments.size() - 1;
            int before = frames;
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(segment), 1 << 16), 1 << 16);
                 MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
                while (it.hasNextValue()) {
                    JsonNode node = it.nextValue();
                    consumer.accept(SnapshotJson.read(node, segment + " frame " + (frames - before)));
                    frames++;
                }
            } catch (DamagedFileException damaged) {
                throw damaged;
            } catch (IOException | RuntimeException e) {
                if (last && isTruncation(e)) {
                    continue; // a run killed while writing its last frame: the frames before it are whole
                }
                throw new DamagedFileException(segment + ": damaged after " + (frames - before) + " whole frames ("
                        + e.getMessage() + ")", e);
            }
        }
        return frames;
    }

    private static boolean isTruncation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EOFException || c instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the frames after {@code step}: segments that start later are deleted, and the segment holding it is
     * cut after its last complete frame with step ≤ {@code step}.
     */
    public static void truncateAfter(Path dir, long step) throws IOException {
        for (Path segment : segments(dir)) {
            if (firstStep(segment) > step) {
                Files.delete(segment);
                continue;
            }
            long keep = GzipMembers.endOfFramesUpTo(segment, step);
            if (keep < Files.size(segment)) {
                try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    ch.truncate(keep);
                }
            }
        }
    }

    /** The frames' steps, for tests and diagnostics. */
    public static List<Long> steps(Path dir) throws IOException {
        List<Long> out = new ArrayList<>();
        read(dir, f -> out.add(f.step()));
        return out;
    }
}
