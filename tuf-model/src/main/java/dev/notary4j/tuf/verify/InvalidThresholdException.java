package dev.notary4j.tuf.verify;

/** The role's threshold is below 1; notary reports it as an {@code ErrRoleThreshold} without a message. */
public final class InvalidThresholdException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;
    private final int threshold;

    public InvalidThresholdException(String role, int threshold) {
        super(role, "valid signatures did not meet threshold");
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }
}
