package io.live2.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Keeps the newest few checkpoints (a resume only needs the latest; one spare guards against a damaged file). */
final class CheckpointRetention {
    private CheckpointRetention() {
    }

    static void keepLatest(RunDirectory dir, int keep) throws IOException {
        List<Path> all = dir.checkpoints(); // by step number: see StepFiles
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
