package dev.notary4j.tuf.verify;

/**
 * A root that notary's {@code trustpinning.ValidateRoot} refuses. {@link Kind#ROTATION}: not signed by the previous
 * root's certificates at the previous threshold ({@code ErrRootRotationFail}); {@link Kind#VALIDATION}: no usable
 * leaf certificate, nothing left after trust pinning, or not self-signed at its own threshold
 * ({@code ErrValidationFail}). The message is Go's.
 */
public final class UntrustedRootException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;

    public enum Kind { ROTATION, VALIDATION }

    private final Kind kind;
    private final String reason;

    public UntrustedRootException(Kind kind, String reason) {
        super("root", (kind == Kind.ROTATION ? "could not rotate trust to a new trusted root: "
                : "could not validate the path to a trusted root: ") + reason);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** Go's {@code Reason}, without the prefix. */
    public String reason() {
        return reason;
    }
}
