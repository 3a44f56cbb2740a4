package dev.notary4j.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.signer.store.NewKey;
import dev.notary4j.signer.store.PrivateKeyTable;
import dev.notary4j.signer.store.StoredKey;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key service rules on the embedded store, with rows the Go signer wrote. */
class KeyServiceTest {

    private static final byte[] CONTENT = "{\"signed\":1}".getBytes(StandardCharsets.UTF_8);

    private Database database;
    private PrivateKeyTable table;

    @BeforeEach
    void open() {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "signer", true, 2));
        table = new PrivateKeyTable(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void insertGoRow(GoRow row) {
        table.insert(new NewKey(row.keyId(), row.algorithm(), row.publicBytes(), row.privateJwe(), row.alias(), row.gun(), row.role()));
    }

    private KeyService service(Map<String, String> environment, String defaultAlias) {
        return new KeyService(table, Passphrases.fromEnvironment(environment), defaultAlias);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa-row.json", "ed25519-row.json"})
    void signsWithGoWrittenKeysAndReportsTheirGoKeyIds(String vector) {
        GoRow row = GoRow.load(vector);
        insertGoRow(row);
        KeyService keys = service(Map.of(Passphrases.environmentName(row.alias()), row.passphrase()), row.alias());

        PublicKeyInfo info = keys.keyInfo(row.keyId()).orElseThrow();
        assertThat(info.keyId()).isEqualTo(row.keyId()); // recomputed from the decrypted key
        assertThat(info.publicBytes()).isEqualTo(row.publicBytes());
        assertThat(info.role()).isEqualTo(row.role());
        assertThat(table.find(row.keyId()).orElseThrow().pending()).isTrue(); // GetKeyInfo does not activate

        SignatureResult signature = keys.sign(row.keyId(), CONTENT).orElseThrow();
        TufKey goPublicKey = new TufKey(KeyAlgorithm.fromWireName(row.algorithm()).orElseThrow(), row.publicBytes());
        assertThat(SignatureVerifier.verify(goPublicKey, signature.method(), CONTENT, signature.signature())).isTrue();
        assertThat(signature.method()).isEqualTo(row.algorithm().equals("ecdsa") ? "ecdsa" : "eddsa");
        assertThat(table.find(row.keyId()).orElseThrow().pending()).isFalse();
    }

    @Test
    void aWrongOrMissingPassphraseHidesTheKeyAndChangesNothing() {
        GoRow row = GoRow.ecdsa();
        insertGoRow(row);
        StoredKey before = table.find(row.keyId()).orElseThrow();

        KeyService wrong = service(Map.of(Passphrases.environmentName(row.alias()), "wrong passphrase"), row.alias());
        assertThat(wrong.keyInfo(row.keyId())).isEmpty();
        assertThat(wrong.sign(row.keyId(), CONTENT)).isEmpty();
        KeyService missing = service(Map.of(), row.alias());
        assertThat(missing.keyInfo(row.keyId())).isEmpty();
        assertThat(missing.sign(row.keyId(), CONTENT)).isEmpty();

        StoredKey after = table.find(row.keyId()).orElseThrow();
        assertThat(after.encryptedPrivate()).isEqualTo(before.encryptedPrivate());
        assertThat(after.passphraseAlias()).isEqualTo(before.passphraseAlias());
        assertThat(after.pending()).isTrue();
        // and with the right passphrase the key is still there
        KeyService right = service(Map.of(Passphrases.environmentName(row.alias()), row.passphrase()), row.alias());
        assertThat(right.keyInfo(row.keyId())).isPresent();
    }

    @Test
    void createKeyWithoutTheDefaultPassphraseStoresNothing() {
        KeyService keys = service(Map.of(), "unset");
        assertThatThrownBy(() -> keys.createKey("ecdsa", "gun", "timestamp"))
                .isInstanceOfSatisfying(MissingPassphraseException.class, e -> assertThat(e.alias()).isEqualTo("unset"));
        assertThat(database.dsl().fetchCount(database.dsl().selectOne().from("private_keys"))).isZero();
    }

    @Test
    void newKeysAreStoredEncryptedUnderTheDefaultAliasAndSurviveARestart() {
        Map<String, String> environment = Map.of("NOTARY_SIGNER_DEFAULT", "default passphrase");
        PublicKeyInfo created = service(environment, "default").createKey("ed25519", "gun", "snapshot");
        StoredKey row = table.find(created.keyId()).orElseThrow();
        assertThat(row.passphraseAlias()).isEqualTo("default");
        assertThat(row.algorithm()).isEqualTo("ed25519");
        assertThat(row.publicBytes()).isEqualTo(created.publicBytes());
        byte[] plaintext = KeyEncryption.decrypt(row.encryptedPrivate(), new Passphrase("default", "default passphrase".toCharArray()));
        assertThat(plaintext).hasSize(96);

        // A fresh service (empty cache, as after a restart) reads it back from the table.
        KeyService restarted = service(environment, "default");
        SignatureResult signature = restarted.sign(created.keyId(), CONTENT).orElseThrow();
        assertThat(SignatureVerifier.verify(new TufKey(KeyAlgorithm.ED25519, created.publicBytes()), "eddsa", CONTENT,
                signature.signature())).isTrue();
    }

    @Test
    void deleteEvictsTheCachedKey() {
        KeyService keys = service(Map.of("NOTARY_SIGNER_DEFAULT", "p"), "default");
        PublicKeyInfo created = keys.createKey("ecdsa", "gun", "timestamp");
        assertThat(keys.sign(created.keyId(), CONTENT)).isPresent();
        keys.delete(created.keyId());
        assertThat(keys.keyInfo(created.keyId())).isEmpty();
        assertThat(keys.sign(created.keyId(), CONTENT)).isEmpty();
    }
}
