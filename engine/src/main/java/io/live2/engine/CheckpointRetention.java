package io.live2.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Keeps the newest few checkpoints (a resume only needs the latest; one spare guards against a damaged file). */
final class CheckpointRetention {
    private CheckpointRetention() {
    }

    static void keepLatest(RunDirectory dir, int keep) throws IOException {
        Path folder = dir.root().resolve("checkpoints");
        List<Path> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.filter(p -> p.getFileName().toString().matches("checkpoint_\\d{9,}\\.bin")).sorted().toList();
        }
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
