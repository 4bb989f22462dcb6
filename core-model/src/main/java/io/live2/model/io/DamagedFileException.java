package io.live2.model.io;

import java.io.IOException;

/**
 * A snapshot or checkpoint file exists but its content is not what was written (truncated, checksum mismatch, not the
 * format): the message names the file and what is wrong. Unlike other I/O errors it says the file itself is bad, so a
 * resume can fall back to an older checkpoint and the CLI treats it as bad input (exit code 2).
 */
public final class DamagedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public DamagedFileException(String message) {
        super(message);
    }

    public DamagedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
