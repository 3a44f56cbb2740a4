package dev.notary4j.signer.keys;

/** No (or an empty) passphrase is configured for {@link #alias()}; the message is Go's and names only the alias. */
public final class MissingPassphraseException extends KeyStoreException {

    private final String alias;

    public MissingPassphraseException(String alias) {
        super("expected env variable to not be empty: " + alias);
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
