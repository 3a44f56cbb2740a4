package dev.notary4j.tuf.model;

/**
 * Produces one signature over canonical bytes: a local private key, or a call to a remote notary-signer. The
 * returned key ID must be the TUF key ID listed in the governing role.
 */
@FunctionalInterface
public interface MetadataSigner {
    Signature sign(byte[] canonical);
}
