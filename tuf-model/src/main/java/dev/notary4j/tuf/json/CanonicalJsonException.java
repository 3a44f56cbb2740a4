package dev.notary4j.tuf.json;

/** A value that docker/go's canonical encoder (or the Go envelope writer) cannot encode. */
public final class CanonicalJsonException extends TufJsonException {
    private static final long serialVersionUID = 1L;

    /** Why the value cannot be encoded. */
    public enum Reason {
        /** A number with a fractional part: Go fails with "json: unsupported value". */
        NON_INTEGRAL_NUMBER,
        /** A number outside float64 range (Go's decoder already refuses it) or NaN/Infinity. */
        NON_FINITE_NUMBER,
        /** Exact mode only: a number that is not an integer literal within int64. */
        NOT_AN_INT64,
        /** A raw control character in a string: Go's envelope writer (compact) cannot embed it. */
        CONTROL_CHARACTER,
        /** The verifier decodes {@code signed} into a Go map: anything but an object (or null) fails. */
        NOT_AN_OBJECT,
        /** A tree node kind that has no JSON meaning here (binary, POJO, missing). */
        UNSUPPORTED_NODE
    }

    private final Reason reason;
    private final String value;

    public CanonicalJsonException(Reason reason, String value, String message) {
        super(message);
        this.reason = reason;
        this.value = value;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }
}
