package io.live2.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * After a drill: the files a server wrote (its log, its database and every other file under the drill's directory)
 * must not hold a secret it was given, such as the API key the drill used for every request (issue 16, drill 6:
 * keys are stored hashed and never logged).
 */
final class SecretScan {
    private SecretScan() {
    }

    /** Adds a problem for each secret found in a file under dir, naming the files and the secret's first characters. */
    static void report(Path dir, java.util.Collection<String> secrets, List<String> problems) throws IOException {
        for (String secret : secrets) {
            List<String> leaks = filesContaining(dir, secret);
            if (!leaks.isEmpty()) {
                problems.add("a secret (" + secret.substring(0, Math.min(6, secret.length())) + "…) appears in " + leaks);
            }
        }
    }

    /** The files under dir whose bytes contain the secret (as UTF-8), relative to dir; empty when none does. */
    static List<String> filesContaining(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(f), needle)) {
                    found.add(dir.relativize(f).toString());
                }
            }
        }
        return found;
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
