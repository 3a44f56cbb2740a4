package dev.notary4j.tuf.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key as it appears in TUF metadata: {@code keytype} and the decoded {@code keyval.public} bytes.
 * Unknown key types are representable (notary keeps them) but verify nothing. The key ID is computed once at
 * construction; the three-argument constructor exists only because records cannot hold derived fields, and it
 * rejects an ID that does not match the content.
 */
public record TufKey(String keyType, byte[] publicBytes, String id) {

    public TufKey {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(publicBytes, "publicBytes");
        publicBytes = publicBytes.clone();
        String computed = KeyIds.tufKeyId(keyType, publicBytes);
        if (id != null && !id.equals(computed)) {
            throw new IllegalArgumentException("key ID " + id + " does not match key content (" + computed + ")");
        }
        id = computed;
    }

    public TufKey(String keyType, byte[] publicBytes) {
        this(keyType, publicBytes, null);
    }

    public TufKey(KeyAlgorithm algorithm, byte[] publicBytes) {
        this(algorithm.wireName(), publicBytes, null);
    }

    @Override
    public byte[] publicBytes() {
        return publicBytes.clone();
    }

    /** Number of public bytes, without copying them. */
    public int publicLength() {
        return publicBytes.length;
    }

    /** The key type as a known algorithm, empty for key types notary treats as unknown. */
    public Optional<KeyAlgorithm> algorithm() {
        return KeyAlgorithm.fromWireName(keyType);
    }

    public boolean isCertificate() {
        return algorithm().map(KeyAlgorithm::isCertificate).orElse(false);
    }

    /** ID used for private-key lookup (see {@link KeyIds#canonicalKeyId}). */
    public String canonicalId() {
        return KeyIds.canonicalKeyId(this);
    }

    /** Package-internal view without a defensive copy, for parsing. */
    byte[] rawPublicBytes() {
        return publicBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TufKey that
                && keyType.equals(that.keyType)
                && Arrays.equals(publicBytes, that.publicBytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TufKey[" + keyType + " " + id + "]";
    }
}
