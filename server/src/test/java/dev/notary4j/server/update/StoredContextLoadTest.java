package dev.notary4j.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.server.signing.ServerMetadataGenerator;
import dev.notary4j.server.storage.JooqMetaStore;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.model.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link UpdateService} loads for the validator: the current files through the timestamp-snapshot chain. */
class StoredContextLoadTest {
    private static final OffsetDateTime EXPIRES = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private Database database;
    private MetaStore store;
    private UpdateService service;

    @BeforeEach
    void setUp() {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "server", true, 4));
        store = new JooqMetaStore(database.dsl(), Clock.systemUTC());
        service = new UpdateService(store, (stored, uploaded) -> {
            throw new AssertionError("not called");
        }, new ServerMetadataGenerator(new LocalTrustService()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void ancestorsOfUploadedDelegationsAreLoadedOrReportedUnlisted() throws Exception {
        byte[] root = file(Targets.empty(EXPIRES, 1)); // content is irrelevant to loading
        byte[] targets = file(Targets.empty(EXPIRES, 1));
        byte[] a = file(Targets.empty(EXPIRES, 2));
        byte[] snapshot = file(new Snapshot(EXPIRES, 1, Map.of("root", FileMeta.of(root),
                "targets", FileMeta.of(targets), "targets/a", FileMeta.of(a))));
        byte[] timestamp = file(new Timestamp(EXPIRES, 1, Map.of("snapshot", FileMeta.of(snapshot))));
        store.update("gun", List.of(new MetaUpdate("root", 1, root), new MetaUpdate("targets", 1, targets),
                new MetaUpdate("targets/a", 2, a), new MetaUpdate("targets/b", 1, a),
                new MetaUpdate("snapshot", 1, snapshot), new MetaUpdate("timestamp", 1, timestamp)));

        StoredContext context = service.load("gun", List.of(new UploadedFile("targets/a/x", 1, new byte[0]),
                new UploadedFile("targets/b/y/z", 1, new byte[0])), NOW);

        assertThat(context.root()).hasValueSatisfying(f -> assertThat(f.data()).isEqualTo(root));
        assertThat(context.targets()).hasValueSatisfying(f -> assertThat(f.data()).isEqualTo(targets));
        assertThat(context.delegations()).containsOnlyKeys("targets/a");
        assertThat(context.current("targets/a")).hasValueSatisfying(f -> assertThat(f.version()).isEqualTo(2));
        // stored, but not in the current snapshot: Go's SQL lookup fails instead of reporting it absent
        assertThat(context.unlistedAncestors()).containsExactlyInAnyOrder("targets/b", "targets/b/y");
        assertThat(context.now()).isEqualTo(NOW);
    }

    @Test
    void aNewGunHasNothingStored() throws Exception {
        StoredContext context = service.load("new", List.of(new UploadedFile("targets/a/x", 1, new byte[0])), NOW);
        assertThat(context.root()).isEmpty();
        assertThat(context.delegations()).isEmpty();
        assertThat(context.unlistedAncestors()).isEmpty();
    }

    private static byte[] file(SignedBody body) {
        return SignedMetadata.sign(body, List.of()).raw();
    }
}
