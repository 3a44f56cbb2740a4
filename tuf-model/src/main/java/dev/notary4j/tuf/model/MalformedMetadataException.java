package dev.notary4j.tuf.model;

/**
 * The JSON does not decode into notary's Go structs (a type mismatch, bad base64, an unparseable time, a
 * missing {@code signed}). The message follows Go's decoder where it can.
 */
public final class MalformedMetadataException extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String expected;
    private final String actual;

    public MalformedMetadataException(String role, String field, String expected, String actual, String message) {
        super(role, message);
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    /** JSON path of the offending value, e.g. {@code signed.roles.root.threshold}. */
    public String field() {
        return field;
    }

    /** The Go type that was expected, e.g. {@code int}. */
    public String expected() {
        return expected;
    }

    /** What was found, e.g. {@code string} or {@code number 1.5}. */
    public String actual() {
        return actual;
    }
}
