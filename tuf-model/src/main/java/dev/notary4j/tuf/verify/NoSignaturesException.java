package dev.notary4j.tuf.verify;

/** notary's {@code ErrNoSignatures}: the envelope carries no signature at all. */
public final class NoSignaturesException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;

    public NoSignaturesException(String role) {
        super(role, "tuf: data has no signatures");
    }
}
