package io.live2.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a directory (mount -t tmpfs -o size=N), the drill's artifact store: a disk that really
 * fills up, so a write fails with ENOSPC as it would on a full volume. Needs root (or CAP_SYS_ADMIN).
 */
final class TmpfsMount implements AutoCloseable {
    final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    static TmpfsMount mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String err = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + Math.max(1, bytes / 1024) + "k", "tmpfs", dir.toString()));
        if (err != null) {
            throw new IOException("cannot mount a tmpfs on " + dir + " (root is needed): " + err);
        }
        return new TmpfsMount(dir);
    }

    /** Free bytes left on it. */
    long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Writes one file that leaves at most {@code leave} bytes free: the disk is full for anything larger. */
    void fillLeaving(long leave) throws IOException {
        long n = Math.max(0, usable() - leave);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(dir.resolve("filler"))) {
            for (long done = 0; done < n; done += block.length) {
                out.write(block, 0, (int) Math.min(block.length, n - done));
            }
        }
    }

    void unfill() throws IOException {
        Files.deleteIfExists(dir.resolve("filler"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String err = run(List.of("umount", dir.toString()));
        if (err != null && run(List.of("umount", "-l", dir.toString())) != null) { // busy: detach it lazily
            throw new IOException("cannot unmount " + dir + ": " + err);
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return cmd.get(0) + " did not finish within 30 s";
        }
        return p.exitValue() == 0 ? null : out + " (exit " + p.exitValue() + ")";
    }
}
