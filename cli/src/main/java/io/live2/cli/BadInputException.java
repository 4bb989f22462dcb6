package io.live2.cli;

/** A command-line input is wrong; the message names it and says what is allowed (exit code 2). */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
