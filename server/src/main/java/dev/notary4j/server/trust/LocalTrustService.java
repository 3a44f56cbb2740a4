package dev.notary4j.server.trust;

import dev.notary4j.tuf.model.Signature;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code trust_service.type = local}: ed25519 keys generated and kept in process memory (lost on restart), as the
 * Go server's local crypto service. For development only; every create makes a new key.
 */
public final class LocalTrustService implements TrustService {

    private static final int ED25519_SPKI_PREFIX = 12;

    private record HeldKey(PublicKeyInfo publicKey, PrivateKey privateKey) {
    }

    private final Map<String, HeldKey> keys = new ConcurrentHashMap<>();

    @Override
    public PublicKeyInfo createKey(String gun, String role, String algorithm) throws TrustServiceException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            // The JDK encodes SubjectPublicKeyInfo; notary's ed25519 public value is the raw 32-byte key after it.
            PublicKeyInfo info = new PublicKeyInfo("ed25519", Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length));
            keys.put(info.keyId(), new HeldKey(info, pair.getPrivate()));
            return info;
        } catch (GeneralSecurityException e) {
            throw new TrustServiceException("cannot generate an ed25519 key", e);
        }
    }

    @Override
    public Optional<PublicKeyInfo> publicKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).map(HeldKey::publicKey);
    }

    @Override
    public Signature sign(String keyId, byte[] data) throws TrustServiceException {
        HeldKey key = keys.get(keyId);
        if (key == null) {
            throw new TrustServiceException("key " + keyId + " not found");
        }
        try {
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(data);
            return new Signature(keyId, "eddsa", signer.sign());
        } catch (GeneralSecurityException e) {
            throw new TrustServiceException("cannot sign with " + keyId, e);
        }
    }

    @Override
    public void checkHealth() {
        // Always available: the keys live in this process.
    }

    @Override
    public void close() {
        keys.clear();
    }
}
