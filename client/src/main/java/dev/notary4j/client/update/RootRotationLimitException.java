package dev.notary4j.client.update;

import dev.notary4j.client.trust.VerificationException;

/** The server's newest root is more versions ahead of the trusted one than {@link UpdateLimits#maxRootRotations()}. */
public final class RootRotationLimitException extends VerificationException {
    private final int trustedVersion;
    private final int offeredVersion;
    private final int limit;

    public RootRotationLimitException(int trustedVersion, int offeredVersion, int limit) {
        super("root", "root version " + offeredVersion + " is more than " + limit + " rotations ahead of trusted version "
                + trustedVersion);
        this.trustedVersion = trustedVersion;
        this.offeredVersion = offeredVersion;
        this.limit = limit;
    }

    public int trustedVersion() {
        return trustedVersion;
    }

    public int offeredVersion() {
        return offeredVersion;
    }

    public int limit() {
        return limit;
    }
}
