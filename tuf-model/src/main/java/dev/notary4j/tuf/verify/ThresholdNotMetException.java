package dev.notary4j.tuf.verify;

/** Fewer distinct keys of the role signed validly than its threshold ({@code ErrRoleThreshold}). */
public final class ThresholdNotMetException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;
    private final int threshold;
    private final int validCount;

    public ThresholdNotMetException(String role, int threshold, int validCount) {
        super(role, "valid signatures did not meet threshold for " + role);
        this.threshold = threshold;
        this.validCount = validCount;
    }

    public int threshold() {
        return threshold;
    }

    /** Number of distinct role keys with a valid signature. */
    public int validCount() {
        return validCount;
    }
}
