package dev.notary4j.tuf.verify;

/** notary's {@code ErrLowVersion}: the metadata is older than the minimum version allowed. */
public final class LowVersionException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;
    private final int actual;
    private final int minimum;

    public LowVersionException(String role, int actual, int minimum) {
        super(role, "version " + actual + " is lower than current version " + minimum);
        this.actual = actual;
        this.minimum = minimum;
    }

    public int actual() {
        return actual;
    }

    public int minimum() {
        return minimum;
    }
}
