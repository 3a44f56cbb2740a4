package dev.notary4j.signer.keys;

import java.util.Locale;
import java.util.Map;

/**
 * Where passphrases come from: as in Go notary-signer, the passphrase of alias {@code a.b} is the environment
 * variable {@code NOTARY_SIGNER_A_B} (upper-cased, dots to underscores, nothing else changed); the config file is
 * never consulted. {@code ephemeral} adds process-only passphrases (the memory backend's).
 */
public final class Passphrases {

    public static final String ENV_PREFIX = "NOTARY_SIGNER_";

    private final Map<String, String> environment;
    private final Map<String, Passphrase> ephemeral;

    private Passphrases(Map<String, String> environment, Map<String, Passphrase> ephemeral) {
        this.environment = Map.copyOf(environment);
        this.ephemeral = Map.copyOf(ephemeral);
    }

    public static Passphrases fromEnvironment(Map<String, String> environment) {
        return new Passphrases(environment, Map.of());
    }

    /** The same lookups plus {@code passphrase}, which exists only in this process. */
    public Passphrases withEphemeral(Passphrase passphrase) {
        return new Passphrases(environment, Map.of(passphrase.alias(), passphrase));
    }

    public static String environmentName(String alias) {
        return ENV_PREFIX + alias.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** @throws MissingPassphraseException when the variable is unset or empty */
    public Passphrase forAlias(String alias) {
        Passphrase inProcess = ephemeral.get(alias);
        if (inProcess != null) {
            return inProcess;
        }
        String value = environment.get(environmentName(alias));
        if (value == null || value.isEmpty()) {
            throw new MissingPassphraseException(alias);
        }
        return new Passphrase(alias, value.toCharArray());
    }
}
