package dev.notary4j.client.trust;

/**
 * The bytes of a role do not match the hashes its parent vouches for (notary's {@code ErrMismatchedChecksum}), or
 * the parent vouches for no hash we check ({@code ErrMissingMeta}).
 */
public final class ChecksumMismatchException extends VerificationException {
    private final String vouchedBy;

    public ChecksumMismatchException(String role, String vouchedBy, String detail) {
        super(role, role + " checksum does not match " + vouchedBy + ": " + detail);
        this.vouchedBy = vouchedBy;
    }

    /** The role whose meta the bytes were checked against. */
    public String vouchedBy() {
        return vouchedBy;
    }
}
