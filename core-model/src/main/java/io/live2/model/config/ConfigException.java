package io.live2.model.config;

/**
 * Bad user input in a configuration: the message is one line that names the field path, the value given and
 * what is allowed. The CLI maps it to exit code 2 and prints only the message (never a stack trace).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
