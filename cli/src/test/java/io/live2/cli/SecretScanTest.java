package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The drills' secret scan finds a key planted anywhere under the directory, and only there. */
class SecretScanTest {
    @Test
    void findsThePlantedKeyAndNothingElse(@TempDir Path tmp) throws Exception {
        String key = "lk_live_0123456789abcdef";
        Files.createDirectories(tmp.resolve("data/db"));
        Files.writeString(tmp.resolve("server.log"), "{\"message\":\"request ok\"}\n");
        Files.write(tmp.resolve("data/db/live.mv.db"), ("\0\0binary" + key + "\0tail").getBytes());
        Files.writeString(tmp.resolve("data/near-miss.txt"), key.substring(0, key.length() - 1) + "X " + key.substring(1));
        assertEquals(List.of("data/db/live.mv.db"), SecretScan.filesContaining(tmp, key));
        Files.delete(tmp.resolve("data/db/live.mv.db"));
        assertEquals(List.of(), SecretScan.filesContaining(tmp, key));
    }
}
