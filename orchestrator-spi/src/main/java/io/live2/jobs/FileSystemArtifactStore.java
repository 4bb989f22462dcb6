package io.live2.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@link ArtifactStore} on the local file system ("file" scheme): key {@code a/b/c} is the file
 * {@code root/a/b/c}. {@link #put} copies to a temporary file under {@code root/.tmp} and renames it into place
 * (readers never see a partial object) and records the SHA-256 in a sidecar {@code root/.sha256/<key>}. Signed URLs
 * are served by a {@link SignedUrlServer} on 127.0.0.1 started on first use (HMAC-SHA256 over key and expiry).
 *
 * <p>Keys: segments separated by '/', each of {@code [A-Za-z0-9._=-]+}, not starting with '.'; no empty segments.
 */
public final class FileSystemArtifactStore implements ArtifactStore, AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_=-][A-Za-z0-9._=-]*");
    private final Path root;
    private final byte[] signingKey;
    private final Clock clock;
    private SignedUrlServer server;

    public FileSystemArtifactStore(Path root, byte[] signingKey, Clock clock) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.signingKey = signingKey.clone();
        this.clock = clock;
        Files.createDirectories(this.root.resolve(".tmp"));
        Files.createDirectories(this.root.resolve(".sha256"));
    }

    /** A store with a random per-process signing key and the system clock. */
    public FileSystemArtifactStore(Path root) throws IOException {
        this(root, randomKey(), Clock.systemUTC());
    }

    static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "file";
    }

    /** The file backing a key (validated). */
    public Path file(String key) {
        return root.resolve(check(key));
    }

    static String check(String key) {
        if (key == null || key.isEmpty() || key.length() > 1024) {
            throw new IllegalArgumentException("artifact key: '" + key + "' is empty or too long");
        }
        for (String seg : key.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches()) {
                throw new IllegalArgumentException("artifact key: '" + JobSpecJson.clip(key)
                        + "' is not allowed; segments of A-Z a-z 0-9 . _ = - not starting with '.', separated by '/'");
            }
        }
        return key;
    }

    @Override
    public ArtifactInfo put(String key, Path source) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(root.resolve(".tmp"), "put-", ".part");
        String sha;
        try {
            MessageDigest md = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), md)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            sha = HexFormat.of().formatHex(md.digest());
            Path side = sidecar(key);
            Files.createDirectories(side.getParent());
            Path sideTmp = Files.createTempFile(root.resolve(".tmp"), "sha-", ".part");
            Files.writeString(sideTmp, sha, StandardCharsets.US_ASCII);
            move(tmp, target);
            move(sideTmp, side);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ArtifactInfo(key, Files.size(target), sha);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ArtifactInfo> list(String prefix) throws IOException {
        String pre = prefix == null ? "" : prefix;
        List<ArtifactInfo> out = new ArrayList<>();
        // walk only the deepest directory the prefix names; skip .tmp and .sha256; tolerate concurrent deletes
        int slash = pre.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(pre.substring(0, slash));
        if (slash >= 0 && (pre.startsWith(".") || !start.normalize().startsWith(root))) {
            return out;
        }
        if (!Files.isDirectory(start)) {
            return out;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !dir.getFileName().toString().startsWith(".") ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                String key = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (attrs.isRegularFile() && !key.startsWith(".") && key.startsWith(pre)) {
                    try {
                        out.add(new ArtifactInfo(key, Files.size(p), sha(key, p)));
                    } catch (NoSuchFileException gone) {
                        // deleted while listing
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }
        });
        out.sort(Comparator.comparing(ArtifactInfo::key));
        return out;
    }

    private String sha(String key, Path p) throws IOException {
        Path side = sidecar(key);
        if (Files.isRegularFile(side)) {
            return Files.readString(side, StandardCharsets.US_ASCII).trim();
        }
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private Path sidecar(String key) {
        return root.resolve(".sha256").resolve(key);
    }

    @Override
    public synchronized URI signedUrl(String key, Duration validFor) throws IOException {
        check(key);
        if (server == null) {
            server = new SignedUrlServer(this, signingKey, clock);
        }
        return server.url(key, clock.instant().plus(validFor).getEpochSecond());
    }

    @Override
    public int deleteByPrefix(String prefix) throws IOException {
        int n = 0;
        for (ArtifactInfo a : list(prefix)) {
            if (Files.deleteIfExists(file(a.key()))) {
                n++;
            }
            Files.deleteIfExists(sidecar(a.key()));
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
