package dev.notary4j.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link MetaStore} contract on a real database (subclasses: PostgreSQL scratch database, H2). Rows are checked
 * with plain SQL, so the assertions do not trust the store's own reads.
 */
abstract class MetaStoreContract {

    protected abstract Database database();

    private MetaStore store() {
        return new JooqMetaStore(database().dsl(), Clock.systemUTC());
    }

    private static byte[] file(String role, int version) {
        return ("{\"signed\":{\"_type\":\"" + role + "\",\"version\":" + version + "}}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<MetaUpdate> publication(int version) {
        return List.of(new MetaUpdate("targets", version, file("targets", version)),
                new MetaUpdate("snapshot", version, file("snapshot", version)),
                new MetaUpdate("timestamp", version, file("timestamp", version)));
    }

    @Test
    void storesRowsVerbatimWithHexSha256AndAChangefeedRow() throws Exception {
        store().update("gun/a", publication(1));
        try (Connection c = database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT role, version, data, sha256, created_at, updated_at, "
                     + "deleted_at FROM tuf_files WHERE gun = ? ORDER BY id")) {
            s.setString(1, "gun/a");
            ResultSet rs = s.executeQuery();
            List<String> roles = new ArrayList<>();
            while (rs.next()) {
                roles.add(rs.getString(1));
                assertThat(rs.getBytes(3)).isEqualTo(file(rs.getString(1), 1));
                assertThat(rs.getString(4)).isEqualTo(sha256(rs.getBytes(3)));
                assertThat(rs.getTimestamp(5)).isEqualTo(rs.getTimestamp(6)).isNotNull();
                assertThat(rs.getTimestamp(7)).isNull();
            }
            assertThat(roles).containsExactly("targets", "snapshot", "timestamp");
        }
        List<Change> changes = store().changes("gun/a", 0, 10);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.version()).isEqualTo(1);
            assertThat(change.category()).isEqualTo("update");
            assertThat(change.sha256()).isEqualTo(sha256(file("timestamp", 1)));
        });
    }

    @Test
    void readsLatestByChecksumAndByVersionIgnoringSoftDeletedRows() throws Exception {
        MetaStore store = store();
        store.update("gun/b", publication(1));
        store.update("gun/b", publication(2));
        assertThat(store.latest("gun/b", "targets")).get().extracting(StoredFile::version).isEqualTo(2);
        assertThat(store.byVersion("gun/b", "targets", 1)).get().extracting(StoredFile::data)
                .isEqualTo(file("targets", 1));
        assertThat(store.byVersion("gun/b", "targets", 0)).isEmpty();
        assertThat(store.byChecksum("gun/b", "snapshot", sha256(file("snapshot", 1)))).isPresent();
        assertThat(store.byChecksum("gun/b", "targets", sha256(file("snapshot", 1)))).as("role must match").isEmpty();

        execute("UPDATE tuf_files SET deleted_at = CURRENT_TIMESTAMP WHERE gun = 'gun/b' AND version = 2");
        assertThat(store.latest("gun/b", "targets")).get().extracting(StoredFile::version).isEqualTo(1);
        assertThat(store.byVersion("gun/b", "targets", 2)).isEmpty();
    }

    @Test
    void refusesVersionsNotNewerThanStoredOnesAndStoresNothing() throws Exception {
        MetaStore store = store();
        store.update("gun/c", publication(3));
        List<MetaUpdate> stale = List.of(new MetaUpdate("targets", 4, file("targets", 4)),
                new MetaUpdate("snapshot", 2, file("snapshot", 2)),
                new MetaUpdate("timestamp", 4, file("timestamp", 4)));
        assertThatThrownBy(() -> store.update("gun/c", stale)).isInstanceOf(OldVersionException.class)
                .extracting(e -> ((OldVersionException) e).role()).isEqualTo("snapshot");
        assertThat(count("SELECT count(*) FROM tuf_files WHERE gun = 'gun/c'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM changefeed WHERE gun = 'gun/c'")).isEqualTo(1);

        List<MetaUpdate> twice = List.of(new MetaUpdate("targets", 5, file("targets", 5)),
                new MetaUpdate("targets", 5, file("targets", 5)));
        assertThatThrownBy(() -> store.update("gun/c", twice)).isInstanceOf(OldVersionException.class);

        store.update("gun/c", List.of(new MetaUpdate("targets", 10, file("targets", 10))));
        assertThat(store.latest("gun/c", "targets")).get().extracting(StoredFile::version).isEqualTo(10);
    }

    @Test
    void aDatabaseFailureRollsBackTheWholeUpdate() throws Exception {
        String longGun = "g".repeat(300);
        assertThatThrownBy(() -> store().update(longGun, publication(1))).isInstanceOf(StorageException.class);
        assertThat(count("SELECT count(*) FROM tuf_files WHERE gun LIKE 'ggg%'")).isZero();
        assertThat(count("SELECT count(*) FROM changefeed WHERE gun LIKE 'ggg%'")).isZero();
    }

    @Test
    void deleteRemovesRowsPhysicallyAndRecordsOneDeletion() throws Exception {
        MetaStore store = store();
        store.update("gun/d", publication(1));
        store.update("gun/dd", publication(1));
        assertThat(store.delete("gun/d")).isEqualTo(3);
        assertThat(store.delete("gun/d")).isZero();
        assertThat(count("SELECT count(*) FROM tuf_files WHERE gun = 'gun/d'")).isZero();
        assertThat(count("SELECT count(*) FROM tuf_files WHERE gun = 'gun/dd'")).as("exact GUN match").isEqualTo(3);
        List<Change> changes = store.changes("gun/d", 0, 10);
        assertThat(changes).extracting(Change::category).containsExactly("update", "deletion");
        assertThat(changes.get(1).version()).isZero();
        assertThat(changes.get(1).sha256().trim()).isEmpty();
        store.update("gun/d", publication(1));
        assertThat(store.latest("gun/d", "timestamp")).isPresent();
    }

    @Test
    void changefeedPagesForwardAndBackwardOldestFirst() throws Exception {
        MetaStore store = store();
        for (int version = 1; version <= 5; version++) {
            store.update("gun/e", publication(version));
        }
        List<Change> all = store.changes("gun/e", 0, 100);
        assertThat(all).extracting(Change::version).containsExactly(1, 2, 3, 4, 5);
        long second = all.get(1).id();
        assertThat(store.changes("gun/e", second, 2)).extracting(Change::version).containsExactly(3, 4);
        assertThat(store.changes("gun/e", -1, -2)).extracting(Change::version).containsExactly(4, 5);
        assertThat(store.changes("gun/e", all.get(3).id(), -2)).extracting(Change::version).containsExactly(2, 3);
        assertThat(store.changes(null, 0, 1000)).extracting(Change::gun).contains("gun/e");
    }

    /** 20 publishers race for the same next versions: each version is stored once, every loser gets VERSION. */
    @Test
    void concurrentPublishersNeverOverwriteEachOther() throws Exception {
        MetaStore store = store();
        store.update("gun/race", publication(1));
        int publishers = 20;
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            for (int round = 2; round < 2 + rounds; round++) {
                int version = round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int p = 0; p < publishers; p++) {
                    byte[] marker = ("{\"publisher\":" + p + ",\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8);
                    Callable<Boolean> publish = () -> {
                        go.await();
                        try {
                            store.update("gun/race", List.of(new MetaUpdate("targets", version, marker),
                                    new MetaUpdate("snapshot", version, marker),
                                    new MetaUpdate("timestamp", version, marker)));
                            return true;
                        } catch (OldVersionException e) {
                            return false;
                        }
                    };
                    results.add(pool.submit(publish));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get() ? 1 : 0;
                }
                assertThat(winners).as("winners of version " + version).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String role : List.of("targets", "snapshot", "timestamp")) {
            assertThat(count("SELECT count(*) FROM tuf_files WHERE gun = 'gun/race' AND role = '" + role + "'"))
                    .isEqualTo(1 + rounds);
        }
        // All three files of each version come from the same publisher: no mixing of two updates.
        assertThat(count("SELECT count(DISTINCT data) FROM tuf_files WHERE gun = 'gun/race' AND version > 1"))
                .isEqualTo(rounds);
        assertThat(count("SELECT count(*) FROM changefeed WHERE gun = 'gun/race'")).isEqualTo(1 + rounds);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = database().dataSource().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = database().dataSource().getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
