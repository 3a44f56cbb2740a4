package dev.notary4j.client.trust;

/** Metadata could not be parsed or broke notary's structural rules; the tuf-model error is the cause. */
public final class MetadataRejectedException extends VerificationException {
    public MetadataRejectedException(String role, RuntimeException cause) {
        super(role, role + " is invalid: " + cause.getMessage(), cause);
    }
}
