package dev.notary4j.tuf.json;

/** Base of the JSON-level failures: syntax errors and values the canonical encoder refuses. */
public class TufJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TufJsonException(String message) {
        super(message);
    }

    public TufJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
