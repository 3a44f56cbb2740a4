package dev.notary4j.server.signing;

import static dev.notary4j.server.validation.TestRepo.GUN;
import static dev.notary4j.server.validation.TestRepo.LAST_MONTH;
import static dev.notary4j.server.validation.TestRepo.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.storage.JooqMetaStore;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.storage.NotInMemoryException;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.server.trust.PublicKeyInfo;
import dev.notary4j.server.validation.TestRepo;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET timestamp regeneration (spec §6.2) re-signs only what notary would load: the current root (certificates,
 * signatures, expiry) and a snapshot signed by the root's snapshot keys; anything else is a 500.
 */
class RegenerationChecksTest {
    private Database database;
    private MetaStore store;
    private ServerManagedMetadata managed;
    private TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "server", true, 4));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = new JooqMetaStore(database.dsl(), clock);
        LocalTrustService trust = new LocalTrustService();
        PublicKeyInfo timestampKey = trust.createKey(GUN, "timestamp", "ed25519");
        repo = new TestRepo(new TufKey(timestampKey.keyType(), timestampKey.publicKey()));
        managed = new ServerManagedMetadata(store, new ServerMetadataGenerator(trust), clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void anExpiredTimestampOverAValidSnapshotIsRegenerated() throws Exception {
        byte[] root = repo.signedRoot(repo.root(1));
        byte[] targets = repo.signedTargets(repo.targets(1));
        storeWithExpiredTimestamp(root, targets, repo.signedSnapshot(1, Map.of("root", root, "targets", targets)));
        assertThat(managed.timestamp(GUN)).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(2));
    }

    @Test
    void aSnapshotNotSignedByTheRootsSnapshotKeyIsNotVouchedFor() throws Exception {
        byte[] root = repo.signedRoot(repo.root(1));
        byte[] targets = repo.signedTargets(repo.targets(1));
        byte[] unsigned = TestRepo.sign(new Snapshot(TestRepo.NEXT_YEAR, 1, Map.of("root", FileMeta.of(root),
                "targets", FileMeta.of(targets))));
        storeWithExpiredTimestamp(root, targets, unsigned);
        assertThatThrownBy(() -> managed.timestamp(GUN)).isInstanceOfSatisfying(NotaryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN);
            assertThat(e.getMessage()).endsWith("tuf: data has no signatures");
        });
    }

    @Test
    void anExpiredRootStopsRegeneration() throws Exception {
        byte[] root = repo.signedRoot(repo.root(1).withExpires(LAST_MONTH));
        byte[] targets = repo.signedTargets(repo.targets(1));
        storeWithExpiredTimestamp(root, targets, repo.signedSnapshot(1, Map.of("root", root, "targets", targets)));
        assertThatThrownBy(() -> managed.timestamp(GUN)).isInstanceOfSatisfying(NotaryException.class,
                e -> assertThat(e.getMessage()).endsWith("root expired at Fri May 1 00:00:00 UTC 2026"));
    }

    @Test
    void aMemoryOnlyViewNeverRegeneratesItLeavesThatToTheBlockingPath() throws Exception {
        byte[] root = repo.signedRoot(repo.root(1));
        byte[] targets = repo.signedTargets(repo.targets(1));
        storeWithExpiredTimestamp(root, targets, repo.signedSnapshot(1, Map.of("root", root, "targets", targets)));
        assertThatThrownBy(() -> managed.memoryOnly(store).timestamp(GUN)).isInstanceOf(NotInMemoryException.class);
        assertThat(store.latest(GUN, "timestamp")).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(1));
        assertThat(managed.timestamp(GUN)).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(2));
        assertThat(managed.memoryOnly(store).timestamp(GUN)).as("valid now: served without regenerating")
                .hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(2));
    }

    private void storeWithExpiredTimestamp(byte[] root, byte[] targets, byte[] snapshot) throws Exception {
        byte[] timestamp = TestRepo.sign(new Timestamp(LAST_MONTH, 1, Map.of("snapshot", FileMeta.of(snapshot))));
        store.update(GUN, List.of(new MetaUpdate("root", 1, root), new MetaUpdate("targets", 1, targets),
                new MetaUpdate("snapshot", 1, snapshot), new MetaUpdate("timestamp", 1, timestamp)));
    }
}
