package dev.notary4j.tuf.verify;

/** notary's {@code ErrNoSuchRole}: the parent metadata does not list the delegation. */
public final class NoSuchRoleException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;

    public NoSuchRoleException(String role) {
        super(role, "role does not exist: " + role);
    }
}
