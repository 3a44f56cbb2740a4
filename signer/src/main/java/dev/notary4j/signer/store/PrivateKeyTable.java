package dev.notary4j.signer.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.notary4j.signer.keys.KeyEncryption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The Go signer's {@code private_keys} table, read and written exactly as notary-signer does (§5 of the signer
 * spec): soft-deleted rows are invisible to every lookup, pending keys have {@code last_used} NULL, and all
 * timestamps are UTC wall-clock values in zone-less columns.
 */
public final class PrivateKeyTable {

    static final Table<Record> PRIVATE_KEYS = table(name("private_keys"));
    static final Field<Long> ID = field(name("id"), Long.class);
    static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), LocalDateTime.class);
    static final Field<LocalDateTime> UPDATED_AT = field(name("updated_at"), LocalDateTime.class);
    static final Field<LocalDateTime> DELETED_AT = field(name("deleted_at"), LocalDateTime.class);
    static final Field<String> KEY_ID = field(name("key_id"), String.class);
    static final Field<String> ENCRYPTION_ALG = field(name("encryption_alg"), String.class);
    static final Field<String> KEYWRAP_ALG = field(name("keywrap_alg"), String.class);
    static final Field<String> ALGORITHM = field(name("algorithm"), String.class);
    static final Field<String> PASSPHRASE_ALIAS = field(name("passphrase_alias"), String.class);
    static final Field<byte[]> PUBLIC = field(name("public"), byte[].class);
    static final Field<byte[]> PRIVATE = field(name("private"), byte[].class);
    static final Field<String> GUN = field(name("gun"), String.class);
    static final Field<String> ROLE = field(name("role"), String.class);
    static final Field<LocalDateTime> LAST_USED = field(name("last_used"), LocalDateTime.class);

    private final DSLContext dsl;
    private final Clock clock;

    public PrivateKeyTable(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public PrivateKeyTable(DSLContext dsl) {
        this(dsl, Clock.systemUTC());
    }

    /** The same table inside {@code transaction} (for {@link DSLContext#transaction} bodies). */
    public PrivateKeyTable in(DSLContext transaction) {
        return new PrivateKeyTable(transaction, clock);
    }

    public void insert(NewKey key) {
        LocalDateTime now = now();
        dsl.insertInto(PRIVATE_KEYS)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .set(KEY_ID, key.keyId())
                .set(ENCRYPTION_ALG, KeyEncryption.ENCRYPTION_ALG)
                .set(KEYWRAP_ALG, KeyEncryption.KEYWRAP_ALG)
                .set(ALGORITHM, key.algorithm())
                .set(PASSPHRASE_ALIAS, key.passphraseAlias())
                .set(PUBLIC, key.publicBytes())
                .set(PRIVATE, KeyEncryption.columnBytes(key.encryptedPrivate()))
                .set(GUN, key.gun())
                .set(ROLE, key.role())
                .execute();
    }

    /** The live (not soft-deleted) row with {@code keyId}. */
    public Optional<StoredKey> find(String keyId) {
        return dsl.selectFrom(PRIVATE_KEYS)
                .where(KEY_ID.eq(keyId), DELETED_AT.isNull())
                .orderBy(ID)
                .limit(1)
                .fetchOptional(PrivateKeyTable::toStoredKey);
    }

    /** The pending key CreateKey hands out again: lowest key_id first, as notary-signer orders them. */
    public Optional<StoredKey> findPending(String gun, String role, String algorithm) {
        return dsl.selectFrom(PRIVATE_KEYS)
                .where(ROLE.eq(role), GUN.eq(gun), ALGORITHM.eq(algorithm), LAST_USED.isNull(), DELETED_AT.isNull())
                .orderBy(KEY_ID, ID)
                .limit(1)
                .fetchOptional(PrivateKeyTable::toStoredKey);
    }

    /** Records a signature with the key: it is active from now on. */
    public void markActive(String keyId) {
        LocalDateTime now = now();
        dsl.update(PRIVATE_KEYS)
                .set(LAST_USED, now)
                .set(UPDATED_AT, now)
                .where(KEY_ID.eq(keyId))
                .execute();
    }

    /** Soft delete; returns whether a live row was deleted. The row stays, so its ID can never be reused. */
    public boolean softDelete(String keyId) {
        return dsl.update(PRIVATE_KEYS)
                .set(DELETED_AT, now())
                .where(KEY_ID.eq(keyId), DELETED_AT.isNull())
                .execute() > 0;
    }

    /**
     * Every row encrypted under {@code alias}, soft-deleted ones included (a retired passphrase must protect
     * nothing), locked for update, in id order.
     */
    public List<StoredKey> lockAllWithAlias(String alias) {
        return dsl.selectFrom(PRIVATE_KEYS)
                .where(PASSPHRASE_ALIAS.eq(alias))
                .orderBy(ID)
                .forUpdate()
                .fetch(PrivateKeyTable::toStoredKey);
    }

    /** Replaces one row's ciphertext and alias (passphrase rotation). */
    public void reencrypt(long id, String encryptedPrivate, String passphraseAlias) {
        dsl.update(PRIVATE_KEYS)
                .set(PRIVATE, KeyEncryption.columnBytes(encryptedPrivate))
                .set(PASSPHRASE_ALIAS, passphraseAlias)
                .set(UPDATED_AT, now())
                .where(ID.eq(id))
                .execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static StoredKey toStoredKey(Record r) {
        return new StoredKey(r.get(ID), r.get(KEY_ID), r.get(ALGORITHM), r.get(PUBLIC),
                KeyEncryption.fromColumn(r.get(PRIVATE)), r.get(PASSPHRASE_ALIAS), r.get(GUN), r.get(ROLE),
                Optional.ofNullable(r.get(LAST_USED)), r.get(DELETED_AT) != null);
    }
}
