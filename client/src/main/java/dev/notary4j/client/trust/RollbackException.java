package dev.notary4j.client.trust;

/** notary's {@code ErrLowVersion}: the offered version is below the one already trusted. */
public final class RollbackException extends VerificationException {
    private final int version;
    private final int minimumVersion;

    public RollbackException(String role, int version, int minimumVersion) {
        super(role, "version " + version + " of " + role + " is lower than current version " + minimumVersion);
        this.version = version;
        this.minimumVersion = minimumVersion;
    }

    public int version() {
        return version;
    }

    public int minimumVersion() {
        return minimumVersion;
    }
}
