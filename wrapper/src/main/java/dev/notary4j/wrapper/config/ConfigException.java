package dev.notary4j.wrapper.config;

/** A configuration or trust-policy file the wrapper refuses to start with; {@link #field()} names the culprit. */
public final class ConfigException extends RuntimeException {
    private final String field;

    public ConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
