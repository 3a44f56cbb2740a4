package dev.notary4j.tuf.model;

import dev.notary4j.tuf.crypto.TufPrivateKey;

/**
 * Produces one signature over canonical bytes: a local private key, or a call to a remote notary-signer. The
 * returned key ID must be the TUF key ID listed in the governing role.
 */
@FunctionalInterface
public interface MetadataSigner {
    Signature sign(byte[] canonical);

    /** Signs with a local key listed under its own TUF key ID (targets, snapshot, timestamp, delegation keys). */
    static MetadataSigner of(TufPrivateKey key) {
        return of(key, key.id());
    }

    /**
     * Signs with a local key listed under {@code tufKeyId}: for a root key that is the ID of its certificate key,
     * not of the plain key.
     */
    static MetadataSigner of(TufPrivateKey key, String tufKeyId) {
        String method = key.signatureMethod().wireName();
        return canonical -> new Signature(tufKeyId, method, key.sign(canonical));
    }
}
