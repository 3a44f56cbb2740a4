package dev.notary4j.client.trust;

import dev.notary4j.tuf.model.FileMeta;

/**
 * A verified snapshot vouches for another root than the trusted one: the root must be refreshed before the
 * snapshot can be accepted. Carries the root file meta from that snapshot, which the refresh fetches by checksum.
 */
public final class RootChangedException extends VerificationException {
    private final FileMeta newRootMeta;

    public RootChangedException(FileMeta newRootMeta) {
        super("root", "root checksum does not match the snapshot: the root has changed");
        this.newRootMeta = newRootMeta;
    }

    public FileMeta newRootMeta() {
        return newRootMeta;
    }
}
