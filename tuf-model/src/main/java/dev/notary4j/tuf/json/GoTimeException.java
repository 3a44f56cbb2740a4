package dev.notary4j.tuf.json;

/** A timestamp Go's {@code time.Time} JSON methods refuse; the message is Go's. */
public final class GoTimeException extends TufJsonException {
    private static final long serialVersionUID = 1L;
    private final String value;

    public GoTimeException(String value, String message) {
        super(message);
        this.value = value;
    }

    /** The raw JSON token (quotes included) or the time that could not be formatted. */
    public String value() {
        return value;
    }
}
