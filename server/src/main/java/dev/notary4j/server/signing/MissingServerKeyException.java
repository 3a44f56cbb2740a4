package dev.notary4j.server.signing;

/** The trust service does not hold enough keys of {@code role} (per the root) to meet its threshold. */
public final class MissingServerKeyException extends Exception {
    private final String role;

    public MissingServerKeyException(String role, String message) {
        super(message);
        this.role = role;
    }

    public String role() {
        return role;
    }
}
