package dev.notary4j.signer.keys;

import dev.notary4j.signer.store.NewKey;
import dev.notary4j.signer.store.PrivateKeyTable;
import dev.notary4j.signer.store.StoredKey;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * notary-signer's key operations on the {@code private_keys} table: create (handing out a pending key again
 * when one exists), look up, sign (which marks the key active) and soft-delete. Decrypted keys are cached by
 * key ID for the life of the process, as Go's cached crypto service does; they never leave this class except
 * as public keys and signatures, and are never logged.
 */
public final class KeyService {

    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);

    /** The only algorithms notary-signer creates keys for (it registers exactly these two). */
    private static final Map<String, KeyAlgorithm> CREATABLE = Map.of(
            "ecdsa", KeyAlgorithm.ECDSA,
            "ed25519", KeyAlgorithm.ED25519);

    private final PrivateKeyTable table;
    private final Passphrases passphrases;
    private final String defaultAlias;
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();

    private record CachedKey(TufPrivateKey key, String role) {
    }

    public KeyService(PrivateKeyTable table, Passphrases passphrases, String defaultAlias) {
        this.table = table;
        this.passphrases = passphrases;
        this.defaultAlias = defaultAlias;
    }

    /**
     * The lowest-key_id pending key of (gun, role, algorithm) if there is one, else a new key encrypted under the
     * default alias.
     *
     * @throws UnsupportedAlgorithmException for anything but ecdsa and ed25519
     * @throws KeyStoreException when the key cannot be stored (e.g. the default alias has no passphrase)
     */
    public PublicKeyInfo createKey(String algorithm, String gun, String role) {
        KeyAlgorithm keyAlgorithm = CREATABLE.get(algorithm);
        if (keyAlgorithm == null) {
            throw new UnsupportedAlgorithmException(algorithm);
        }
        Optional<StoredKey> pending = table.findPending(gun, role, algorithm);
        if (pending.isPresent()) {
            StoredKey row = pending.get();
            LOG.debug("CreateKey: handing out pending {} key {} for {} {}", algorithm, row.keyId(), gun, role);
            return new PublicKeyInfo(row.keyId(), row.algorithm(), row.publicBytes(), row.role());
        }
        Passphrase passphrase = passphrases.forAlias(defaultAlias);
        TufPrivateKey key = TufPrivateKey.generate(keyAlgorithm);
        byte[] privateBytes = key.privateBytes();
        String encrypted;
        try {
            encrypted = KeyEncryption.encrypt(privateBytes, passphrase);
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
        byte[] publicBytes = key.publicKey().publicBytes();
        table.insert(new NewKey(key.id(), algorithm, publicBytes, encrypted, defaultAlias, gun, role));
        cache.put(key.id(), new CachedKey(key, role));
        LOG.info("CreateKey: new {} key {} for {} {}", algorithm, key.id(), gun, role);
        return new PublicKeyInfo(key.id(), algorithm, publicBytes, role);
    }

    /** The key's public half and role; empty when it is absent, deleted or cannot be decrypted. */
    public Optional<PublicKeyInfo> keyInfo(String keyId) {
        return load(keyId).map(cached -> new PublicKeyInfo(cached.key().id(), cached.key().algorithm().wireName(),
                cached.key().publicKey().publicBytes(), cached.role()));
    }

    /** Signs {@code content} (the message itself) and marks the key active; empty when the key is not available. */
    public Optional<SignatureResult> sign(String keyId, byte[] content) {
        Optional<CachedKey> cached = load(keyId);
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        TufPrivateKey key = cached.get().key();
        byte[] signature = key.sign(content);
        table.markActive(keyId);
        return Optional.of(new SignatureResult(key.id(), key.algorithm().wireName(), key.signatureMethod().wireName(),
                signature));
    }

    /** Soft-deletes the key; unknown IDs are fine. */
    public void delete(String keyId) {
        cache.remove(keyId);
        if (table.softDelete(keyId)) {
            LOG.info("DeleteKey: deleted key {}", keyId);
        }
    }

    private Optional<CachedKey> load(String keyId) {
        CachedKey cached = cache.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredKey> row = table.find(keyId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            CachedKey loaded = new CachedKey(decrypt(row.get()), row.get().role());
            cache.put(keyId, loaded);
            return Optional.of(loaded);
        } catch (KeyStoreException e) {
            LOG.warn("key {} is stored but unusable: {}", keyId, e.getMessage());
            return Optional.empty();
        }
    }

    private TufPrivateKey decrypt(StoredKey row) {
        KeyAlgorithm algorithm = KeyAlgorithm.fromWireName(row.algorithm())
                .orElseThrow(() -> new KeyStoreException("unknown algorithm " + row.algorithm() + " in row " + row.id()));
        byte[] privateBytes = KeyEncryption.decrypt(row.encryptedPrivate(), passphrases.forAlias(row.passphraseAlias()));
        try {
            return TufPrivateKey.fromPrivateBytes(algorithm, privateBytes);
        } catch (RuntimeException e) {
            throw new KeyStoreException("stored " + row.algorithm() + " key " + row.keyId() + " is malformed");
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
    }
}
