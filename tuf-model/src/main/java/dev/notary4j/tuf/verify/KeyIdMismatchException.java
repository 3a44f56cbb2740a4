package dev.notary4j.tuf.verify;

/**
 * A role lists a key under an ID that is not the key's own ID ({@code ErrInvalidKeyID}); notary fails the whole
 * verification when a signature names such a key, whatever the other signatures.
 */
public final class KeyIdMismatchException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;
    private final String listedKeyId;
    private final String actualKeyId;

    public KeyIdMismatchException(String role, String listedKeyId, String actualKeyId) {
        super(role, "key ID is not valid for key content");
        this.listedKeyId = listedKeyId;
        this.actualKeyId = actualKeyId;
    }

    public String listedKeyId() {
        return listedKeyId;
    }

    public String actualKeyId() {
        return actualKeyId;
    }
}
