package dev.notary4j.client.trust;

/** notary's {@code ErrNoSignatures}: the envelope carries no signature at all (fatal even for a delegation). */
public final class NoSignaturesException extends VerificationException {
    public NoSignaturesException(String role) {
        super(role, "tuf: data has no signatures (" + role + ")");
    }
}
