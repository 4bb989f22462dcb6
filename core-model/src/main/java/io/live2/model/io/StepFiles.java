package io.live2.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the per-step files of a run directory and their order. Files are ordered by the step number in the name,
 * never by the name: steps go up to 10^10, so 9-digit names grow a digit at step 10^9, and a directory written with
 * 9-digit checkpoint names gets 11-digit ones when it is resumed; text order puts both in the wrong place.
 */
public final class StepFiles {
    /**
     * Checkpoint names are zero-padded to 11 digits, enough for every allowed step (Limits: steps up to 10^10). Any
     * width from 9 digits on is read (runs written before had 9); 18 digits is the most a long holds.
     */
    private static final String CHECKPOINT_FORMAT = "checkpoint_%011d.bin";
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint_(\\d{9,18})\\.bin");
    /** Snapshot names keep the documented 9-digit padding (ARCHITECTURE.md); past 10^9 they are simply longer. */
    private static final String SNAPSHOT_FORMAT = "snapshot_%09d.json";
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot_(\\d{9,18})\\.json");
    /** Frame-log segments ({@link FrameLog}) are named by their first frame's step, 11 digits like checkpoints. */
    private static final String FRAMES_FORMAT = "frames_%011d.jsonl.gz";
    private static final Pattern FRAMES = Pattern.compile("frames_(\\d{1,19})\\.jsonl\\.gz");

    private StepFiles() {
    }

    public static String checkpointName(long step) {
        return String.format(Locale.ROOT, CHECKPOINT_FORMAT, step);
    }

    public static String snapshotName(long step) {
        return String.format(Locale.ROOT, SNAPSHOT_FORMAT, step); // ASCII digits whatever the default locale
    }

    public static String framesName(long firstStep) {
        return String.format(Locale.ROOT, FRAMES_FORMAT, firstStep);
    }

    /** The first step in a frame-log segment name ({@code frames_<digits>.jsonl.gz}), or empty for any other name. */
    public static OptionalLong framesStep(String fileName) {
        return step(FRAMES, fileName);
    }

    /** The frame-log segments in {@code folder}, oldest first (empty when the folder does not exist). */
    public static List<Path> frames(Path folder) throws IOException {
        return list(folder, StepFiles::framesStep);
    }

    /** The step in a checkpoint file name ({@code checkpoint_<digits>.bin}), or empty for any other name. */
    public static OptionalLong checkpointStep(String fileName) {
        return step(CHECKPOINT, fileName);
    }

    /** The step in a snapshot file name ({@code snapshot_<digits>.json}), or empty for any other name. */
    public static OptionalLong snapshotStep(String fileName) {
        return step(SNAPSHOT, fileName);
    }

    /** The checkpoint files in {@code folder}, oldest step first (empty when the folder does not exist). */
    public static List<Path> checkpoints(Path folder) throws IOException {
        return list(folder, StepFiles::checkpointStep);
    }

    /** The snapshot files in {@code folder}, oldest step first (empty when the folder does not exist). */
    public static List<Path> snapshots(Path folder) throws IOException {
        return list(folder, StepFiles::snapshotStep);
    }

    private static OptionalLong step(Pattern pattern, String fileName) {
        Matcher m = pattern.matcher(fileName);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private static List<Path> list(Path folder, Function<String, OptionalLong> stepOf) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // the name breaks ties (the same step written with two widths) so the order never depends on the listing
            return files.filter(p -> stepOf.apply(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.<Path>comparingLong(p -> stepOf.apply(p.getFileName().toString()).getAsLong())
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}
