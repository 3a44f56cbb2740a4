package dev.notary4j.tuf.model;

/** notary's {@code ErrInvalidRole}: "tuf: invalid role &lt;name&gt;." with an optional reason. */
public final class InvalidRoleException extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public InvalidRoleException(String role, String reason) {
        super(role, reason.isEmpty() ? "tuf: invalid role " + role + "." : "tuf: invalid role " + role + ". " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
