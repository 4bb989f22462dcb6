package io.live2.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On resume the trajectory may hold frames written after the checkpoint the run restarts from (a hard kill
 * between checkpoints); those frames, and any torn last frame, are cut so that the resumed run appends exactly
 * what an uninterrupted run would have written.
 */
final class TrajectoryFiles {
    private static final Pattern STEP = Pattern.compile(" step=(\\d+) ");

    private TrajectoryFiles() {
    }

    static void truncateAfter(Path xyz, long step) throws IOException {
        if (!Files.exists(xyz)) {
            return;
        }
        long keep = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(xyz), 1 << 16)) {
            LineReader r = new LineReader(in);
            while (true) {
                String count = r.line();
                String header = r.line();
                if (count == null || header == null) {
                    break;
                }
                Matcher m = STEP.matcher(header);
                int atoms;
                try {
                    atoms = Integer.parseInt(count.trim());
                } catch (NumberFormatException e) {
                    break;
                }
                if (!m.find() || Long.parseLong(m.group(1)) > step) {
                    break;
                }
                boolean complete = true;
                for (int i = 0; i < atoms; i++) {
                    if (r.line() == null) {
                        complete = false;
                        break;
                    }
                }
                if (!complete) {
                    break;
                }
                keep = r.position();
            }
        }
        try (FileChannel ch = FileChannel.open(xyz, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
    }

    /** Reads '\n'-terminated lines and tracks the byte offset after the last complete line. */
    private static final class LineReader {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        private long position;

        LineReader(InputStream in) {
            this.in = in;
        }

        String line() throws IOException {
            buf.reset();
            long read = 0;
            int b;
            while ((b = in.read()) != -1) {
                read++;
                if (b == '\n') {
                    position += read;
                    return buf.toString(StandardCharsets.UTF_8);
                }
                buf.write(b);
            }
            return null; // a line without its newline is torn: not counted
        }

        long position() {
            return position;
        }
    }
}
