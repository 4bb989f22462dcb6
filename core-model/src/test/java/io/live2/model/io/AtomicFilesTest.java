package io.live2.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files written atomically get the same permissions as any other new file, and leave no temp file behind. */
class AtomicFilesTest {
    @Test
    void writtenFileHasTheDefaultModeOfANewFile(@TempDir Path tmp) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(tmp.resolve("plain.txt"));
        Path atomic = tmp.resolve("atomic.json");
        AtomicFiles.writeString(atomic, "{}\n");
        AtomicFiles.writeString(atomic, "{\"again\": true}\n"); // replacing keeps the default mode too
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic),
                "a results file must be as readable as the rest of the run directory (umask default, not 0600)");
        assertEquals("{\"again\": true}\n", Files.readString(atomic));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("atomic.json", "plain.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
