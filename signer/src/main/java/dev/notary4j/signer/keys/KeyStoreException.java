package dev.notary4j.signer.keys;

/** A key could not be stored or read; messages never contain key material or passphrases. */
public class KeyStoreException extends RuntimeException {

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
