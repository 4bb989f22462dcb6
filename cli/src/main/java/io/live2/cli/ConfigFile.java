package io.live2.cli;

import io.live2.model.config.Limits;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the --config file. At most {@link Limits#MAX_DOCUMENT_CHARS} characters are read, whatever the file: reading
 * it whole made /dev/zero or a 3 GB file an OutOfMemoryError. Pipes and devices stay allowed (--config <(...)).
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static String read(Path file) throws IOException {
        if (file.toString().isEmpty()) {
            throw new BadInputException("--config: empty file name; give a JSON config file");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException("--config: " + file + " is a directory; give a JSON config file");
        }
        int max = Limits.MAX_DOCUMENT_CHARS;
        char[] buf = new char[max + 1]; // one more than allowed tells "at the limit" from "over it"
        int n = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) >= 0; ) {
                n += r;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("--config: file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new BadInputException("--config: " + file + " cannot be read (permission denied)");
        } catch (MalformedInputException e) {
            throw new BadInputException("--config: " + file + " is not UTF-8 text");
        }
        if (n > max) {
            throw new BadInputException("--config: " + file + " is longer than " + max
                    + " characters, the most a config may have (a config is a JSON object of a few kilobytes)");
        }
        return new String(buf, 0, n);
    }
}
