package dev.notary4j.client.trust;

/** notary's {@code ErrRoleThreshold}: fewer distinct role keys made valid signatures than the threshold. */
public final class ThresholdNotMetException extends VerificationException {
    private final int validSignatures;
    private final int threshold;

    public ThresholdNotMetException(String role, int validSignatures, int threshold) {
        super(role, "valid signatures did not meet threshold for " + role
                + " (" + validSignatures + " of " + threshold + ")");
        this.validSignatures = validSignatures;
        this.threshold = threshold;
    }

    public int validSignatures() {
        return validSignatures;
    }

    public int threshold() {
        return threshold;
    }
}
