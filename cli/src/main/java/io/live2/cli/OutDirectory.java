package io.live2.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks live run's --out before anything is written, so a bad path is bad input (exit 2) rather than a failure half-way. */
final class OutDirectory {
    private OutDirectory() {
    }

    static Path check(Path out) {
        if (out.toString().isEmpty()) {
            // to the file system "" is the working directory: the run would be written there, past the "already holds a run" guard
            throw new BadInputException("--out: empty path; give the directory to write the run to (created if missing), e.g. runs/mu");
        }
        // the directory or its nearest existing ancestor must be a directory, or creating the run's folders fails later
        for (Path p = out.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException("--out: " + (p.equals(out.toAbsolutePath()) ? out : p)
                            + " exists and is not a directory; give a new or existing directory for the run");
                }
                break;
            }
        }
        return out;
    }
}
