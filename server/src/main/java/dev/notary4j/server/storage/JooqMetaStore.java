package dev.notary4j.server.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.notary4j.server.metadata.Digests;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.SelectConditionStep;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * {@link MetaStore} over the Go server's own tables, with the Go SQL store's queries: reads ignore soft-deleted
 * rows, updates are one transaction guarded by the {@code (gun, role, version)} unique index, and every stored
 * timestamp gets its changefeed row in the same transaction. Runs unchanged on PostgreSQL and H2. The per-request
 * reads run SQL jOOQ rendered once, at construction, as JDBC prepared statements.
 */
public final class JooqMetaStore implements MetaStore {

    private static final Table<Record> TUF_FILES = table(name("tuf_files"));
    private static final Field<Integer> ID = field(name("id"), Integer.class);
    private static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), LocalDateTime.class);
    private static final Field<LocalDateTime> UPDATED_AT = field(name("updated_at"), LocalDateTime.class);
    private static final Field<LocalDateTime> DELETED_AT = field(name("deleted_at"), LocalDateTime.class);
    private static final Field<String> GUN = field(name("gun"), String.class);
    private static final Field<String> ROLE = field(name("role"), String.class);
    private static final Field<Integer> VERSION = field(name("version"), Integer.class);
    private static final Field<byte[]> DATA = field(name("data"), byte[].class);
    private static final Field<String> SHA256 = field(name("sha256"), String.class);

    private static final Table<Record> CHANGEFEED = table(name("changefeed"));
    private static final Field<String> CATEGORY = field(name("category"), String.class);

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int LOCK_STRIPES = 64;

    private final DSLContext dsl;
    private final Clock clock;
    /** H2 has no advisory locks; it only ever serves one process, so in-process locks give the same guarantee. */
    private final ReentrantLock[] localLocks;
    /** The three reads of every GET and update, rendered for this dialect; bind gun, role, then the third value. */
    private final String latestSql;
    private final String byChecksumSql;
    private final String byVersionSql;

    public JooqMetaStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.latestSql = dsl.render(selectFile(DSL.noCondition()).orderBy(VERSION.desc()).limit(DSL.inline(1)));
        this.byChecksumSql = dsl.render(selectFile(SHA256.eq(DSL.param("sha256", String.class))).limit(DSL.inline(1)));
        this.byVersionSql = dsl.render(selectFile(VERSION.eq(DSL.param("version", Integer.class))).limit(DSL.inline(1)));
        this.localLocks = new ReentrantLock[LOCK_STRIPES];
        for (int i = 0; i < LOCK_STRIPES; i++) {
            localLocks[i] = new ReentrantLock();
        }
    }

    @Override
    public Optional<StoredFile> latest(String gun, String role) {
        return fetchOne(latestSql, gun, role, statement -> { });
    }

    @Override
    public Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex) {
        return fetchOne(byChecksumSql, gun, role, statement -> statement.setString(3, sha256Hex));
    }

    @Override
    public Optional<StoredFile> byVersion(String gun, String role, int version) {
        if (version == 0) {
            return Optional.empty();
        }
        return fetchOne(byVersionSql, gun, role, statement -> statement.setInt(3, version));
    }

    private SelectConditionStep<Record6<String, String, Integer, byte[], String, LocalDateTime>> selectFile(
            Condition more) {
        return dsl.select(GUN, ROLE, VERSION, DATA, SHA256, CREATED_AT).from(TUF_FILES)
                .where(GUN.eq(DSL.param("gun", String.class)).and(ROLE.eq(DSL.param("role", String.class)))
                        .and(more).and(DELETED_AT.isNull()));
    }

    /** Binds the parameters after gun and role. */
    @FunctionalInterface
    private interface MoreParameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * One row through a prepared statement: these reads serve every GET and every update, and rendering them with
     * jOOQ's DSL each time cost more CPU than running them.
     */
    private Optional<StoredFile> fetchOne(String sql, String gun, String role, MoreParameters more) {
        try {
            return dsl.connectionResult(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, gun);
                    statement.setString(2, role);
                    more.bind(statement);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(new StoredFile(row.getString(1), row.getString(2),
                                row.getInt(3), row.getBytes(4), trimmed(row.getString(5)),
                                toInstant(row.getObject(6, LocalDateTime.class)))) : Optional.<StoredFile>empty();
                    }
                } catch (SQLException e) {
                    throw new StorageException("cannot read tuf_files: " + e.getMessage(), e);
                }
            });
        } catch (DataAccessException e) {
            throw new StorageException("cannot read tuf_files: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(String gun, List<MetaUpdate> files) throws OldVersionException {
        rejectDuplicateVersions(gun, files);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        ReentrantLock localLock = dsl.dialect() == SQLDialect.POSTGRES ? null
                : localLocks[Math.floorMod(gun.hashCode(), LOCK_STRIPES)];
        if (localLock != null) {
            localLock.lock();
        }
        try {
            dsl.transaction(tx -> {
                DSLContext db = tx.dsl();
                if (db.dialect() == SQLDialect.POSTGRES) {
                    // Serializes our own writers per GUN so the "newer than stored" check below is exact; the unique
                    // index still guards against writers that do not take the lock (a Go server on the same tables).
                    db.fetch("SELECT pg_advisory_xact_lock(hashtext(?))", gun);
                }
                rejectStaleVersions(db, gun, files);
                insert(db, gun, files, now);
            });
        } catch (StaleVersion e) {
            throw e.cause;
        } catch (DataAccessException e) {
            OldVersionException old = unwrapOldVersion(e);
            if (old != null) {
                throw old;
            }
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new OldVersionException(gun, "?", "a concurrent update stored the same version first");
            }
            throw new StorageException("cannot store update: " + e.getMessage(), e);
        } finally {
            if (localLock != null) {
                localLock.unlock();
            }
        }
    }

    private static void rejectDuplicateVersions(String gun, List<MetaUpdate> files) throws OldVersionException {
        Set<String> seen = new HashSet<>();
        for (MetaUpdate file : files) {
            if (!seen.add(file.role() + "\u0000" + file.version())) {
                throw new OldVersionException(gun, file.role(), "version " + file.version() + " appears twice");
            }
        }
    }

    /**
     * Every role's smallest new version must be greater than all stored versions of that role; one query for all
     * roles (an update has up to four and runs under the GUN's lock, so every round trip counts).
     */
    private static void rejectStaleVersions(DSLContext db, String gun, List<MetaUpdate> files) {
        Map<String, Integer> smallest = new HashMap<>();
        for (MetaUpdate file : files) {
            smallest.merge(file.role(), file.version(), Math::min);
        }
        Condition anyStale = DSL.falseCondition();
        for (Map.Entry<String, Integer> entry : smallest.entrySet()) {
            anyStale = anyStale.or(ROLE.eq(entry.getKey()).and(VERSION.ge(entry.getValue())));
        }
        Set<String> staleRoles = db.selectDistinct(ROLE).from(TUF_FILES).where(GUN.eq(gun).and(anyStale))
                .fetchSet(ROLE);
        for (Map.Entry<String, Integer> entry : smallest.entrySet()) {
            if (staleRoles.contains(entry.getKey())) {
                throw new StaleVersion(new OldVersionException(gun, entry.getKey(),
                        "a version >= " + entry.getValue() + " is already stored"));
            }
        }
    }

    /** The files as one multi-row insert, in order (ids ascend as Go's), plus the timestamps' changefeed rows. */
    private static void insert(DSLContext db, String gun, List<MetaUpdate> files, LocalDateTime now) {
        var fileRows = db.insertInto(TUF_FILES, CREATED_AT, UPDATED_AT, GUN, ROLE, VERSION, DATA, SHA256);
        var changeRows = db.insertInto(CHANGEFEED, CREATED_AT, GUN, VERSION, SHA256, CATEGORY);
        boolean anyChange = false;
        for (MetaUpdate file : files) {
            String sha256 = Digests.sha256Hex(file.data());
            fileRows = fileRows.values(now, now, gun, file.role(), file.version(), file.data(), sha256);
            if (file.role().equals("timestamp")) {
                changeRows = changeRows.values(now, gun, file.version(), sha256, Change.UPDATE);
                anyChange = true;
            }
        }
        if (!files.isEmpty()) {
            fileRows.execute();
        }
        if (anyChange) {
            changeRows.execute();
        }
    }

    /** Carries the checked exception out of the transaction lambda; jOOQ wraps it in a DataAccessException. */
    private static final class StaleVersion extends RuntimeException {
        private final OldVersionException cause;

        StaleVersion(OldVersionException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private static OldVersionException unwrapOldVersion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleVersion stale) {
                return stale.cause;
            }
        }
        return null;
    }

    @Override
    public int delete(String gun) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                int removed = db.deleteFrom(TUF_FILES).where(GUN.eq(gun)).execute();
                if (removed > 0) {
                    db.insertInto(CHANGEFEED, CREATED_AT, GUN, VERSION, SHA256, CATEGORY)
                            .values(now, gun, 0, "", Change.DELETION).execute();
                }
                return removed;
            });
        } catch (DataAccessException e) {
            throw new StorageException("cannot delete " + gun + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Change> changes(String gun, long changeId, int records) {
        Condition condition = gun == null ? DSL.noCondition() : GUN.eq(gun);
        boolean forward = records > 0 && changeId >= 0;
        int limit = Math.abs(records);
        try {
            List<Change> page;
            var select = dsl.select(ID, CREATED_AT, GUN, VERSION, SHA256, CATEGORY).from(CHANGEFEED);
            if (forward) {
                page = select.where(condition.and(ID.gt((int) changeId))).orderBy(ID.asc()).limit(limit)
                        .fetch(JooqMetaStore::toChange);
            } else {
                Condition before = changeId > 0 ? condition.and(ID.lt((int) changeId)) : condition;
                page = new ArrayList<>(select.where(before).orderBy(ID.desc()).limit(limit)
                        .fetch(JooqMetaStore::toChange));
                Collections.reverse(page);
            }
            return page;
        } catch (DataAccessException e) {
            throw new StorageException("cannot read changefeed: " + e.getMessage(), e);
        }
    }

    private static Change toChange(Record r) {
        return new Change(r.get(ID), toInstant(r.get(CREATED_AT)), r.get(GUN), r.get(VERSION), r.get(SHA256),
                r.get(CATEGORY));
    }

    @Override
    public void checkHealth() {
        try {
            dsl.selectOne().from(TUF_FILES).limit(1).fetch();
        } catch (DataAccessException e) {
            throw new StorageException("Cannot access tuf_files: " + e.getMessage(), e);
        }
    }

    private static Instant toInstant(LocalDateTime value) {
        return value == null ? Instant.EPOCH : value.toInstant(ZoneOffset.UTC);
    }

    private static String trimmed(String sha256) {
        return sha256 == null ? null : sha256.trim();
    }
}
