package dev.notary4j.signer.keys;

/**
 * A stored key did not decrypt with the passphrase of its alias (wrong passphrase, or a damaged row). The cause
 * is deliberately dropped: library messages may quote header or ciphertext fragments.
 */
public final class KeyDecryptionException extends KeyStoreException {

    private final String alias;

    public KeyDecryptionException(String alias, String reason) {
        super("cannot decrypt a key with the passphrase of alias " + alias + ": " + reason);
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
