package io.live2.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** file:// artifact store URIs: a host part is refused (issue 11: file://relative/store wrote to /store). */
class FileStoreUriTest {
    @Test
    void aFileStoreUriWithAHostIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactStores.open(URI.create("file://relative/store"), Map.of()));
        assertTrue(e.getMessage().contains("file:///absolute/path"), e.getMessage());
        assertTrue(e.getMessage().contains("'relative'"), e.getMessage());
        assertTrue(Files.notExists(Path.of("/store")), "nothing was created at the root");
    }

    @Test
    void threeSlashesAndLocalhostAreAPath(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("f.txt"), "v");
        ArtifactStores.open(URI.create("file://" + tmp.resolve("a")), Map.of()).put("k", file);
        ArtifactStores.open(URI.create("file://localhost" + tmp.resolve("b")), Map.of()).put("k", file);
        assertTrue(Files.exists(tmp.resolve("a/k")) && Files.exists(tmp.resolve("b/k")));
    }
}
