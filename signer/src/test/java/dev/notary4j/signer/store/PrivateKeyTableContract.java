package dev.notary4j.signer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The table semantics of signer spec §5, run against each database the signer supports. */
abstract class PrivateKeyTableContract {

    /** A clock in a non-UTC zone: the stored times must still be UTC. */
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Clock TOKYO_CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));

    abstract Database database();

    PrivateKeyTable table() {
        return new PrivateKeyTable(database().dsl(), TOKYO_CLOCK);
    }

    static NewKey key(String keyId, String gun, String role, String algorithm) {
        return new NewKey(keyId, algorithm, new byte[] {1, 2, 3}, "header.cek.iv.ciphertext.tag", "alias1", gun, role);
    }

    @Test
    void insertWritesEveryColumnAsTheGoSignerDoes() {
        table().insert(key("k1", "docker.io/lib/a", "timestamp", "ecdsa"));
        Record row = database().dsl().select(PrivateKeyTable.COLUMNS).from(PrivateKeyTable.PRIVATE_KEYS).where(PrivateKeyTable.KEY_ID.eq("k1")).fetchOne();
        assertThat(row.get(PrivateKeyTable.ENCRYPTION_ALG)).isEqualTo("A256GCM");
        assertThat(row.get(PrivateKeyTable.KEYWRAP_ALG)).isEqualTo("PBES2-HS256+A128KW");
        assertThat(row.get(PrivateKeyTable.PASSPHRASE_ALIAS)).isEqualTo("alias1");
        assertThat(row.get(PrivateKeyTable.PUBLIC)).containsExactly(1, 2, 3);
        assertThat(new String(row.get(PrivateKeyTable.PRIVATE))).isEqualTo("header.cek.iv.ciphertext.tag");
        assertThat(row.get(PrivateKeyTable.CREATED_AT)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(row.get(PrivateKeyTable.UPDATED_AT)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(row.get(PrivateKeyTable.LAST_USED)).isNull();
        assertThat(row.get(PrivateKeyTable.DELETED_AT)).isNull();

        StoredKey found = table().find("k1").orElseThrow();
        assertThat(found.gun()).isEqualTo("docker.io/lib/a");
        assertThat(found.role()).isEqualTo("timestamp");
        assertThat(found.algorithm()).isEqualTo("ecdsa");
        assertThat(found.pending()).isTrue();
    }

    @Test
    void pendingKeyIsTheLowestKeyIdOfTheSameGunRoleAndAlgorithm() {
        table().insert(key("bbb", "gun", "timestamp", "ecdsa"));
        table().insert(key("aaa", "gun", "timestamp", "ecdsa"));
        table().insert(key("000-other-role", "gun", "snapshot", "ecdsa"));
        table().insert(key("001-other-gun", "gun2", "timestamp", "ecdsa"));
        table().insert(key("002-other-alg", "gun", "timestamp", "ed25519"));
        assertThat(table().findPending("gun", "timestamp", "ecdsa")).map(StoredKey::keyId).contains("aaa");

        table().markActive("aaa");
        assertThat(table().findPending("gun", "timestamp", "ecdsa")).map(StoredKey::keyId).contains("bbb");
        table().softDelete("bbb");
        assertThat(table().findPending("gun", "timestamp", "ecdsa")).isEmpty();
    }

    @Test
    void markActiveRecordsUtcTime() {
        table().insert(key("k1", "gun", "timestamp", "ecdsa"));
        table().markActive("k1");
        StoredKey key = table().find("k1").orElseThrow();
        assertThat(key.pending()).isFalse();
        assertThat(key.lastUsed()).contains(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    }

    @Test
    void softDeleteHidesTheRowButKeepsItsId() {
        table().insert(key("k1", "gun", "timestamp", "ecdsa"));
        assertThat(table().softDelete("k1")).isTrue();
        assertThat(table().softDelete("k1")).isFalse();
        assertThat(table().softDelete("never-existed")).isFalse();
        assertThat(table().find("k1")).isEmpty();
        assertThat(database().dsl().fetchCount(PrivateKeyTable.PRIVATE_KEYS)).isEqualTo(1);
        assertThatThrownBy(() -> table().insert(key("k1", "gun", "timestamp", "ecdsa")))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void rotationSeesDeletedRowsAndRewritesCiphertextAndAlias() {
        table().insert(key("k1", "gun", "timestamp", "ecdsa"));
        table().insert(key("k2", "gun", "snapshot", "ecdsa"));
        table().insert(new NewKey("k3", "ecdsa", new byte[] {1}, "x.y.z.w.v", "other", "gun", "timestamp"));
        table().softDelete("k2");
        List<StoredKey> rows = database().dsl().transactionResult(tx -> table().in(tx.dsl()).lockAllWithAlias("alias1"));
        assertThat(rows).extracting(StoredKey::keyId).containsExactly("k1", "k2");
        assertThat(rows.get(1).deleted()).isTrue();

        table().reencrypt(rows.get(0).id(), "new.cek.iv.ct.tag", "alias2");
        StoredKey k1 = table().find("k1").orElseThrow();
        assertThat(k1.passphraseAlias()).isEqualTo("alias2");
        assertThat(k1.encryptedPrivate()).isEqualTo("new.cek.iv.ct.tag");
    }
}
