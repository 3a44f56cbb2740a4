package dev.notary4j.client.trust;

/**
 * A root was not trusted. {@link Kind#ROTATION}: not signed by the previously trusted root's certificates at its
 * threshold (notary's {@code ErrRootRotationFail}); {@link Kind#VALIDATION}: no usable leaf certificate, not
 * matching trust pinning, or not self-signed at its own threshold ({@code ErrValidationFail}).
 */
public final class RootTrustException extends VerificationException {
    public enum Kind { ROTATION, VALIDATION }

    private final Kind kind;
    private final String reason;

    public RootTrustException(Kind kind, String reason) {
        super("root", (kind == Kind.ROTATION ? "could not rotate trust to a new trusted root: "
                : "could not validate the path to a trusted root: ") + reason);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
