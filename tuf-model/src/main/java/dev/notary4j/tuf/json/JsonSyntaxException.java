package dev.notary4j.tuf.json;

/** The bytes are not one JSON value as Go's decoder accepts it (or exceed a parser limit). */
public final class JsonSyntaxException extends TufJsonException {
    private static final long serialVersionUID = 1L;
    private final long byteOffset;

    public JsonSyntaxException(String message, long byteOffset, Throwable cause) {
        super(message, cause);
        this.byteOffset = byteOffset;
    }

    /** Offset of the offending byte in the input, or -1 when unknown. */
    public long byteOffset() {
        return byteOffset;
    }
}
