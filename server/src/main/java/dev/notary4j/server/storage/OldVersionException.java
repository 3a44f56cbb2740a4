package dev.notary4j.server.storage;

/**
 * An update would store a version that is not newer than every stored version of its role (or twice the same
 * version): the unique index or the pre-check refused it. Answered as 400 {@code VERSION}.
 */
public final class OldVersionException extends Exception {
    private final String gun;
    private final String role;

    public OldVersionException(String gun, String role, String reason) {
        super(reason + " (gun " + gun + ", role " + role + ")");
        this.gun = gun;
        this.role = role;
    }

    public String gun() {
        return gun;
    }

    /** The role that clashed, or {@code "?"} when only the unique index knows. */
    public String role() {
        return role;
    }
}
