package dev.notary4j.tuf.model;

/**
 * Decoded metadata that breaks one of notary's structure rules (server.md §5.4 R2, T4, S3; the timestamp
 * rules). {@link #getMessage()} is Go's {@code ErrInvalidMetadata} text: {@code "<role> type metadata invalid: <msg>"}.
 */
public final class InvalidMetadataException extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String expected;
    private final String actual;
    private final String detail;

    public InvalidMetadataException(String role, String field, String expected, String actual, String detail) {
        super(role, role + " type metadata invalid: " + detail);
        this.field = field;
        this.expected = expected;
        this.actual = actual;
        this.detail = detail;
    }

    /** JSON path of the offending value, e.g. {@code signed.version} or {@code signed.meta.root.hashes.sha256}. */
    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** Go's message without the "&lt;role&gt; type metadata invalid: " prefix. */
    public String detail() {
        return detail;
    }
}
