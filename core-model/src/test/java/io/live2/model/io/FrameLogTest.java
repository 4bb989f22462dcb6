package io.live2.model.io;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame log: what is appended reads back byte-identical, resumes cut exactly, torn tails are survived. */
class FrameLogTest {
    private static final List<ParticleType> TYPES = List.of(new ParticleType("H", "H", 1.008, 1, 0.2571, 0.184, 1.0),
            new ParticleType("O", "O", 15.999, 2, 0.3118, 0.251, 1.0));

    static Snapshot frame(long step, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + step);
        int n = 30;
        ParticleState s = new ParticleState(n, 3, 3);
        for (int i = 0; i < n; i++) {
            s.id[i] = i;
            s.type[i] = i % 3 == 0 ? 1 : 0;
            s.x[i] = r.nextDouble() * 3;
            s.y[i] = r.nextDouble() * 3;
            s.vx[i] = r.nextGaussian();
            s.vy[i] = r.nextGaussian();
        }
        Topology t = new Topology(n);
        for (int i = 0; i + 1 < n; i += 3) {
            t.addBond(i, i + 1, 1);
        }
        return new Snapshot(step, step * 0.0005, TYPES, s, t);
    }

    static byte[] json(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotJson.write(s, out);
        return out.toByteArray();
    }

    private static List<byte[]> readAll(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        FrameLog.read(dir, f -> out.add(json(f)));
        return out;
    }

    @Property(tries = 30)
    void framesReadBackIdenticalAcrossSegments(@ForAll @IntRange(min = 1, max = 40) int count,
                                               @ForAll @IntRange(min = 1, max = 20000) int segmentBytes,
                                               @ForAll @LongRange(min = 0, max = 1000) long seed) throws IOException {
        Path dir = Files.createTempDirectory("frames");
        List<byte[]> written = new ArrayList<>();
        try (FrameLog log = new FrameLog(dir, segmentBytes)) {
            for (int k = 0; k < count; k++) {
                Snapshot f = frame(k * 1000L, seed);
                log.append(f);
                written.add(json(f));
                if (k % 3 == 2) {
                    log.sync();
                }
            }
        }
        List<byte[]> read = readAll(dir);
        assertEquals(written.size(), read.size());
        for (int k = 0; k < count; k++) {
            assertArrayEquals(written.get(k), read.get(k), "frame " + k);
        }
    }

    @Property(tries = 30)
    void truncateAfterKeepsExactlyTheFramesUpToTheStep(@ForAll @IntRange(min = 1, max = 30) int count,
                                                       @ForAll @IntRange(min = 1, max = 20000) int segmentBytes,
                                                       @ForAll @LongRange(min = -1, max = 31_000) long cut) throws IOException {
        Path dir = Files.createTempDirectory("frames");
        try (FrameLog log = new FrameLog(dir, segmentBytes)) {
            for (int k = 0; k < count; k++) {
                log.append(frame(k * 1000L, 7));
                log.sync();
            }
        }
        FrameLog.truncateAfter(dir, cut);
        List<Long> expected = LongStream.range(0, count).map(k -> k * 1000).filter(s -> s <= cut).boxed().toList();
        assertEquals(expected, FrameLog.steps(dir));
        // and the log appends after the cut as if nothing had been written past it
        try (FrameLog log = new FrameLog(dir, segmentBytes)) {
            log.append(frame(cut + 1, 7));
        }
        assertEquals(cut + 1, FrameLog.steps(dir).get(FrameLog.steps(dir).size() - 1));
    }

    @Test
    void aTornLastFrameIsSkippedOnReadAndCutOnResume(@TempDir Path dir) throws IOException {
        try (FrameLog log = new FrameLog(dir)) {
            for (int k = 0; k < 5; k++) {
                log.append(frame(k * 10L, 3));
            }
        }
        Path segment = FrameLog.segments(dir).get(0);
        long whole = Files.size(segment);
        try (FrameLog log = new FrameLog(dir)) {
            log.append(frame(50, 3));
        }
        // a kill in the middle of writing frame 50
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(whole + (Files.size(segment) - whole) / 2);
        }
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), FrameLog.steps(dir));
        FrameLog.truncateAfter(dir, 100);
        assertEquals(whole, Files.size(segment), "the torn member is cut");
    }

    @Test
    void damageBeforeTheEndIsAnErrorNamingTheSegment(@TempDir Path dir) throws IOException {
        try (FrameLog log = new FrameLog(dir, 1)) {
            log.append(frame(0, 3));
            log.sync();
            log.append(frame(10, 3));
            log.sync();
        }
        Path first = FrameLog.segments(dir).get(0);
        byte[] b = Files.readAllBytes(first);
        Files.write(first, java.util.Arrays.copyOf(b, b.length / 2));
        IOException e = assertThrows(IOException.class, () -> FrameLog.steps(dir));
        assertTrue(e.getMessage().contains(first.getFileName().toString()), e.getMessage());
    }

    @Test
    void segmentsSortByStepAsNumbers(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("frames_99999999999.jsonl.gz"));
        Files.createFile(dir.resolve("frames_100000000000.jsonl.gz"));
        Files.createFile(dir.resolve("frames_00000000005.jsonl.gz"));
        assertEquals(List.of("frames_00000000005.jsonl.gz", "frames_99999999999.jsonl.gz", "frames_100000000000.jsonl.gz"),
                FrameLog.segments(dir).stream().map(p -> p.getFileName().toString()).toList());
    }
}
