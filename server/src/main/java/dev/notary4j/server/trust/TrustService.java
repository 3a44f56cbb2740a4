package dev.notary4j.server.trust;

import dev.notary4j.tuf.model.Signature;
import java.util.Optional;

/**
 * The holder of the server-managed snapshot and timestamp keys (notary's "crypto service"): a notary-signer over
 * gRPC ({@code trust_service.type = remote}) or in-process keys ({@code local}). The server never sees a private
 * key of a remote signer. Every method may block: call from worker threads only.
 */
public interface TrustService extends AutoCloseable {

    /**
     * Creates a key for {@code gun}/{@code role} with {@code algorithm} (ecdsa, ed25519, rsa). A notary-signer
     * returns its pending key for (gun, role, algorithm) if it has one.
     */
    PublicKeyInfo createKey(String gun, String role, String algorithm) throws TrustServiceException;

    /** The public key with this ID, or empty when the service does not hold it. */
    Optional<PublicKeyInfo> publicKey(String keyId) throws TrustServiceException;

    /** Signs {@code data} with the held key {@code keyId}. */
    Signature sign(String keyId, byte[] data) throws TrustServiceException;

    /** Throws when the service is not ready (health check "Trust operational"). */
    void checkHealth() throws TrustServiceException;

    @Override
    void close();
}
