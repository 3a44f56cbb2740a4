package dev.notary4j.signer.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.signer.keys.KeyDecryptionException;
import dev.notary4j.signer.keys.KeyEncryption;
import dev.notary4j.signer.keys.MissingPassphraseException;
import dev.notary4j.signer.keys.Passphrase;
import dev.notary4j.signer.keys.Passphrases;
import dev.notary4j.signer.store.NewKey;
import dev.notary4j.signer.store.PrivateKeyTable;
import dev.notary4j.signer.store.StoredKey;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rotate-passphrase admin command's core, on the real PostgreSQL with the Go signer's schema. */
class PassphraseRotationTest {

    private static final Passphrase OLD = new Passphrase("old", "leaked passphrase".toCharArray());
    private static final Passphrase NEW = new Passphrase("new.one", "fresh passphrase".toCharArray());
    private static final Passphrase OTHER = new Passphrase("other", "unrelated passphrase".toCharArray());
    private static final Passphrases ENVIRONMENT = Passphrases.fromEnvironment(Map.of(
            "NOTARY_SIGNER_OLD", "leaked passphrase",
            "NOTARY_SIGNER_NEW_ONE", "fresh passphrase",
            "NOTARY_SIGNER_OTHER", "unrelated passphrase"));

    private TestDatabase scratch;
    private Database database;
    private PrivateKeyTable table;

    @BeforeEach
    void open() {
        scratch = PostgresDatabases.createWithGoSchema("signer-rotation", PostgresDatabases.GoSchema.SIGNER);
        database = Database.open(new DatabaseSettings(StorageBackend.POSTGRES, scratch.jdbcUrl(), "signer", true, 2));
        table = new PrivateKeyTable(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
        scratch.close();
    }

    private PassphraseRotation rotation() {
        return new PassphraseRotation(database.dsl(), table, ENVIRONMENT);
    }

    private void insert(String keyId, byte[] secret, Passphrase passphrase) {
        insert(keyId, secret, passphrase, passphrase.alias());
    }

    private void insert(String keyId, byte[] secret, Passphrase passphrase, String recordedAlias) {
        table.insert(new NewKey(keyId, "ecdsa", new byte[] {9}, KeyEncryption.encrypt(secret, passphrase), recordedAlias,
                "gun", "timestamp"));
    }

    private List<StoredKey> allRows() {
        return database.dsl().transactionResult(tx -> {
            PrivateKeyTable rows = table.in(tx.dsl());
            List<StoredKey> all = new java.util.ArrayList<>(rows.lockAllWithAlias("old"));
            all.addAll(rows.lockAllWithAlias("new.one"));
            all.addAll(rows.lockAllWithAlias("other"));
            return all;
        });
    }

    private static byte[] decrypt(StoredKey row) {
        return KeyEncryption.decrypt(row.encryptedPrivate(), ENVIRONMENT.forAlias(row.passphraseAlias()));
    }

    @Test
    void reencryptsEveryKeyOfTheOldAliasDeletedOnesIncluded() {
        insert("k1", new byte[] {1}, OLD);
        insert("k2", new byte[] {2}, OLD);
        insert("k3", new byte[] {3}, OTHER);
        table.softDelete("k2");

        assertThat(rotation().rotate("old", "new.one")).isEqualTo(2);

        List<StoredKey> rows = allRows();
        assertThat(rows).extracting(StoredKey::keyId, StoredKey::passphraseAlias)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("k1", "new.one"),
                        org.assertj.core.groups.Tuple.tuple("k2", "new.one"),
                        org.assertj.core.groups.Tuple.tuple("k3", "other"));
        for (StoredKey row : rows) {
            assertThat(decrypt(row)).containsExactly(Byte.parseByte(row.keyId().substring(1)));
            if (!row.passphraseAlias().equals("other")) {
                assertThatThrownBy(() -> KeyEncryption.decrypt(row.encryptedPrivate(), new Passphrase("new.one",
                        "leaked passphrase".toCharArray()))).isInstanceOf(KeyDecryptionException.class);
            }
        }
    }

    @Test
    void aDatabaseFailureMidWayLeavesEveryKeyReadableUnderItsRecordedAlias() {
        insert("k1", new byte[] {1}, OLD);
        insert("k2", new byte[] {2}, OLD);
        insert("k3", new byte[] {3}, OLD);
        List<StoredKey> before = allRows();
        // Injected fault: the second row's UPDATE fails after the first one has been written in the transaction.
        database.dsl().execute("""
                CREATE FUNCTION fail_on_k2() RETURNS trigger AS $$
                BEGIN
                  IF NEW.key_id = 'k2' THEN RAISE EXCEPTION 'injected failure'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        database.dsl().execute("CREATE TRIGGER fail_on_k2 BEFORE UPDATE ON private_keys FOR EACH ROW EXECUTE FUNCTION fail_on_k2()");

        assertThatThrownBy(() -> rotation().rotate("old", "new.one"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("injected failure");

        List<StoredKey> after = allRows();
        assertThat(after).extracting(StoredKey::passphraseAlias).containsOnly("old");
        assertThat(after).extracting(StoredKey::encryptedPrivate)
                .containsExactlyElementsOf(before.stream().map(StoredKey::encryptedPrivate).toList());
        assertThat(after).allSatisfy(row -> assertThat(decrypt(row)).hasSize(1));
    }

    @Test
    void aKeyThatDoesNotDecryptAbortsTheWholeRotation() {
        insert("k1", new byte[] {1}, OLD);
        insert("k2", new byte[] {2}, OTHER, "old"); // recorded under "old" but encrypted with another passphrase
        insert("k3", new byte[] {3}, OLD);
        List<StoredKey> before = allRows();

        assertThatThrownBy(() -> rotation().rotate("old", "new.one"))
                .isInstanceOfSatisfying(KeyDecryptionException.class, e -> assertThat(e.alias()).isEqualTo("old"))
                .hasMessageNotContaining("leaked passphrase");

        assertThat(allRows()).extracting(StoredKey::encryptedPrivate)
                .containsExactlyElementsOf(before.stream().map(StoredKey::encryptedPrivate).toList());
        assertThat(allRows()).extracting(StoredKey::passphraseAlias).containsOnly("old");
    }

    @Test
    void refusesWithoutBothPassphrasesOrWithTheSameAlias() {
        insert("k1", new byte[] {1}, OLD);
        assertThatThrownBy(() -> rotation().rotate("old", "missing"))
                .isInstanceOfSatisfying(MissingPassphraseException.class, e -> assertThat(e.alias()).isEqualTo("missing"));
        assertThatThrownBy(() -> rotation().rotate("gone", "new.one"))
                .isInstanceOfSatisfying(MissingPassphraseException.class, e -> assertThat(e.alias()).isEqualTo("gone"));
        assertThatThrownBy(() -> rotation().rotate("old", "old")).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.find("k1")).map(StoredKey::passphraseAlias).contains("old");
    }
}
