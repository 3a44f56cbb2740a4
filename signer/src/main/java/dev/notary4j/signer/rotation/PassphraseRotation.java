package dev.notary4j.signer.rotation;

import dev.notary4j.signer.keys.KeyEncryption;
import dev.notary4j.signer.keys.Passphrase;
import dev.notary4j.signer.keys.Passphrases;
import dev.notary4j.signer.store.PrivateKeyTable;
import dev.notary4j.signer.store.StoredKey;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every key stored under one passphrase alias with another alias's passphrase, so that a leaked
 * passphrase can be retired (notary issue #1091; Go has the primitive, {@code RotateKeyPassphrase}, but no
 * command). All rows change in one transaction: any failure leaves every row as it was, readable under its
 * recorded alias. Each new ciphertext is decrypted again before it is written.
 */
public final class PassphraseRotation {

    private static final Logger LOG = LoggerFactory.getLogger(PassphraseRotation.class);

    private final DSLContext dsl;
    private final PrivateKeyTable table;
    private final Passphrases passphrases;

    public PassphraseRotation(DSLContext dsl, PrivateKeyTable table, Passphrases passphrases) {
        this.dsl = dsl;
        this.table = table;
        this.passphrases = passphrases;
    }

    /**
     * @return how many rows now carry {@code toAlias}
     * @throws IllegalArgumentException when the aliases are equal
     * @throws dev.notary4j.signer.keys.MissingPassphraseException when either passphrase is not set
     * @throws dev.notary4j.signer.keys.KeyDecryptionException when a row does not decrypt (nothing is changed)
     */
    public int rotate(String fromAlias, String toAlias) {
        if (fromAlias.equals(toAlias)) {
            throw new IllegalArgumentException("--from and --to name the same alias " + fromAlias);
        }
        Passphrase from = passphrases.forAlias(fromAlias);
        Passphrase to = passphrases.forAlias(toAlias);
        int rotated = dsl.transactionResult(configuration -> {
            PrivateKeyTable rows = table.in(configuration.dsl());
            int count = 0;
            for (StoredKey row : rows.lockAllWithAlias(fromAlias)) {
                byte[] plaintext = KeyEncryption.decrypt(row.encryptedPrivate(), from);
                try {
                    String reencrypted = KeyEncryption.encrypt(plaintext, to);
                    byte[] check = KeyEncryption.decrypt(reencrypted, to);
                    boolean roundTrips = Arrays.equals(check, plaintext);
                    Arrays.fill(check, (byte) 0);
                    if (!roundTrips) {
                        throw new IllegalStateException("re-encrypted key " + row.keyId() + " does not round-trip");
                    }
                    rows.reencrypt(row.id(), reencrypted, toAlias);
                } finally {
                    Arrays.fill(plaintext, (byte) 0);
                }
                count++;
            }
            return count;
        });
        LOG.info("re-encrypted {} keys from passphrase alias {} to {}", rotated, fromAlias, toAlias);
        return rotated;
    }
}
