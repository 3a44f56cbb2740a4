package dev.notary4j.signer.store;

/** What CreateKey inserts: a freshly generated key, already encrypted under {@code passphraseAlias}. */
public record NewKey(String keyId, String algorithm, byte[] publicBytes, String encryptedPrivate,
                     String passphraseAlias, String gun, String role) {
}
