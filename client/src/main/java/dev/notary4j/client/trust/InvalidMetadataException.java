package dev.notary4j.client.trust;

/** Metadata could not be parsed or broke notary's structural rules (the model's error is the cause). */
public final class InvalidMetadataException extends VerificationException {
    public InvalidMetadataException(String role, RuntimeException cause) {
        super(role, role + " is invalid: " + cause.getMessage(), cause);
    }
}
