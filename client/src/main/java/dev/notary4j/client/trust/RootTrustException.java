package dev.notary4j.client.trust;

import dev.notary4j.tuf.verify.UntrustedRootException;

/**
 * A root was not trusted: tuf-model's {@link UntrustedRootException} (kind and Go's message) as a client error, or a
 * trust-pinning configuration the client cannot use ({@link UntrustedRootException.Kind#VALIDATION}).
 */
public final class RootTrustException extends VerificationException {
    private final UntrustedRootException.Kind kind;
    private final String reason;

    public RootTrustException(UntrustedRootException cause) {
        super("root", cause.getMessage(), cause);
        this.kind = cause.kind();
        this.reason = cause.reason();
    }

    /** A validation failure of the client's own (e.g. unusable pinning), worded as notary's ErrValidationFail. */
    static RootTrustException validation(String reason) {
        return new RootTrustException(new UntrustedRootException(UntrustedRootException.Kind.VALIDATION, reason));
    }

    public UntrustedRootException.Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
