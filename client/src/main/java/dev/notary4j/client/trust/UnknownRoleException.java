package dev.notary4j.client.trust;

/** A role was offered that the trusted metadata does not (yet) delegate: notary's {@code ErrInvalidRole}. */
public final class UnknownRoleException extends VerificationException {
    private final String reason;

    public UnknownRoleException(String role, String reason) {
        super(role, "tuf: invalid role " + role + ". " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
