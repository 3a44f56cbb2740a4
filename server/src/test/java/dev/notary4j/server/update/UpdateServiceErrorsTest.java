package dev.notary4j.server.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.signing.ServerMetadataGenerator;
import dev.notary4j.server.storage.JooqMetaStore;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How validator verdicts and generation failures become notary's 400 answers (spec §5.1, B6, B7). */
class UpdateServiceErrorsTest {

    private Database database;
    private UpdateService service;
    private ValidationFailure nextFailure;
    private AcceptedUpdate nextAccepted;

    @BeforeEach
    void setUp() {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "server", true, 4));
        UpdateValidator validator = (stored, uploaded) -> {
            if (nextFailure != null) {
                throw nextFailure;
            }
            return nextAccepted;
        };
        service = new UpdateService(new JooqMetaStore(database.dsl(), Clock.systemUTC()), validator,
                new ServerMetadataGenerator(new LocalTrustService()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void serializableFailuresCarryNameAndError() {
        nextFailure = ValidationFailure.badTargets("valid signatures did not meet threshold for targets");
        assertThatThrownBy(() -> service.apply("gun", List.of())).isInstanceOfSatisfying(NotaryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_UPDATE);
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(
                    "{\"Name\":\"ErrBadTargets\",\"Error\":{\"Msg\":\"valid signatures did not meet threshold for targets\"}}"));
        });
        nextFailure = ValidationFailure.badHierarchy("snapshot", "m");
        assertThatThrownBy(() -> service.apply("gun", List.of())).isInstanceOfSatisfying(NotaryException.class,
                e -> assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(
                        "{\"Name\":\"ErrBadHierarchy\",\"Error\":{\"Missing\":\"snapshot\",\"Msg\":\"m\"}}")));
        nextFailure = ValidationFailure.withoutDetail("store failed");
        assertThatThrownBy(() -> service.apply("gun", List.of())).isInstanceOfSatisfying(NotaryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_UPDATE);
            assertThat(e.detail()).isEmpty();
        });
    }

    @Test
    void serverWithoutSnapshotOrTimestampKeysAnswersBadHierarchyThenBadRoot() {
        // A structurally valid root whose snapshot and timestamp keys the (empty) local trust service does not hold.
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ED25519);
        Role role = new Role(List.of(key.id()), 1);
        Root body = new Root(OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), 1, Map.of(key.id(), key.publicKey()),
                Map.of("root", role, "targets", role, "snapshot", role, "timestamp", role), false);
        byte[] root = SignedMetadata.sign(body, List.of(MetadataSigner.of(key))).raw();
        byte[] targets = "{\"signed\":{\"_type\":\"Targets\",\"version\":1}}".getBytes(StandardCharsets.UTF_8);
        nextAccepted = new AcceptedUpdate(Optional.of(new RoleFile("root", 1, root)),
                List.of(new RoleFile("targets", 1, targets)), Optional.empty(), root, Map.of("root", root, "targets", targets));
        assertThatThrownBy(() -> service.apply("gun", List.of())).isInstanceOfSatisfying(NotaryException.class,
                e -> assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(
                        "{\"Name\":\"ErrBadHierarchy\",\"Error\":{\"Missing\":\"snapshot\",\"Msg\":\"no snapshot was "
                                + "included in update and server does not hold current snapshot key for repository\"}}")));

        byte[] snapshot = "{\"signed\":{\"_type\":\"Snapshot\",\"version\":1}}".getBytes(StandardCharsets.UTF_8);
        nextAccepted = new AcceptedUpdate(Optional.of(new RoleFile("root", 1, root)), List.of(),
                Optional.of(new RoleFile("snapshot", 1, snapshot)), root, Map.of("root", root));
        assertThatThrownBy(() -> service.apply("gun", List.of())).isInstanceOfSatisfying(NotaryException.class,
                e -> assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(
                        "{\"Name\":\"ErrBadRoot\",\"Error\":{\"Msg\":\"no timestamp keys exist on the server\"}}")));
    }
}
