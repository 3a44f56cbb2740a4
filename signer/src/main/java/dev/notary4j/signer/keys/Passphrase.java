package dev.notary4j.signer.keys;

import java.util.Arrays;

/**
 * The passphrase of one alias. Holds the characters privately so that no {@code toString}, log line or exception
 * message can show them.
 */
public final class Passphrase {

    private final String alias;
    private final char[] secret;

    public Passphrase(String alias, char[] secret) {
        if (secret.length == 0) {
            throw new MissingPassphraseException(alias);
        }
        this.alias = alias;
        this.secret = secret.clone();
    }

    public String alias() {
        return alias;
    }

    /** A fresh copy: the caller's library may zero it after use. */
    char[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passphrase other && alias.equals(other.alias) && Arrays.equals(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return alias.hashCode();
    }

    @Override
    public String toString() {
        return "Passphrase[alias=" + alias + "]";
    }
}
