package dev.notary4j.common.config;

/** A configuration problem found at start-up; the message names the key or file. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
