package dev.notary4j.tuf.verify;

/** A role's metadata fails notary's signature or freshness checks; subclasses carry the facts. */
public abstract class SignatureVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String role;

    protected SignatureVerificationException(String role, String message) {
        super(message);
        this.role = role;
    }

    public String role() {
        return role;
    }
}
