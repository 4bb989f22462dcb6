package io.live2.server.settings;

/** A setting is missing, malformed or unsafe: the message names the setting, its source and what is allowed. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
