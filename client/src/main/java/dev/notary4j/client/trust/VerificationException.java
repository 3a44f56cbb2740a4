package dev.notary4j.client.trust;

import dev.notary4j.client.TufClientException;

/** Metadata was refused; the trusted state it was offered to is unchanged. */
public abstract class VerificationException extends TufClientException {
    private final String role;

    protected VerificationException(String role, String message) {
        super(message);
        this.role = role;
    }

    protected VerificationException(String role, String message, Throwable cause) {
        super(message, cause);
        this.role = role;
    }

    /** The role whose metadata was refused. */
    public String role() {
        return role;
    }
}
