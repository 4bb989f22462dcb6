package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of a run directory has one mode, the umask default of a new file (results were once 0600, the rest 0644). */
class RunDirectoryModesTest {
    @Test
    void everyFileOfTheRunDirectoryHasTheDefaultMode(@TempDir Path tmp) throws IOException {
        CliHarness.requireOnThisMachine(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path dir = tmp.resolve("run");
        CliHarness.Outcome o = CliHarness.run("run", "--preset", "lj-fluid", "--particles", "100", "--steps", "20",
                "--snapshot-every", "10", "--checkpoint-every", "10", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("new-file")));
        Map<String, String> other = new TreeMap<>();
        int files = 0;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files++;
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
                if (!mode.equals(expected)) {
                    other.put(dir.relativize(p).toString(), PosixFilePermissions.toString(mode));
                }
            }
        }
        assertTrue(files >= 8, "metadata, results, snapshots, checkpoints, trajectory and log were written: " + files);
        assertEquals(Map.of(), other, "files whose mode differs from a new file's " + PosixFilePermissions.toString(expected));
    }
}
