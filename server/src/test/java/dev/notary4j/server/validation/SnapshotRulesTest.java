package dev.notary4j.server.validation;

import static dev.notary4j.server.update.ValidationFailure.Kind.BAD_SNAPSHOT;
import static dev.notary4j.server.validation.TestRepo.nothingStored;
import static dev.notary4j.server.validation.TestRepo.sign;
import static dev.notary4j.server.validation.TestRepo.stored;
import static dev.notary4j.server.validation.TestRepo.upload;
import static dev.notary4j.server.validation.Verdicts.accepted;
import static dev.notary4j.server.validation.Verdicts.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Snapshot;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §5.4 S1-S7 through the validator (B5: every failure is ErrBadSnapshot with notary's message). */
class SnapshotRulesTest {
    private final TestRepo repo = new TestRepo();
    private final byte[] root = repo.signedRoot(repo.root(1));
    private final byte[] targets = repo.signedTargets(repo.targets(1));

    @Test
    void aSnapshotVouchingForEveryLoadedFileIsAccepted() throws Exception {
        byte[] snapshot = repo.signedSnapshot(1, Map.of("root", root, "targets", targets));
        AcceptedUpdate update = accepted(nothingStored(), upload("root", root), upload("targets", targets),
                upload("snapshot", snapshot));
        assertThat(update.snapshot()).hasValueSatisfying(file -> assertThat(file.data()).isEqualTo(snapshot));
    }

    @Test
    void s2SnapshotMustBeSignedByTheRootsSnapshotKeys() {
        Snapshot body = new Snapshot(TestRepo.NEXT_YEAR, 1, Map.of("root", FileMeta.of(root),
                "targets", FileMeta.of(targets)));
        refused(BAD_SNAPSHOT, "valid signatures did not meet threshold for snapshot", nothingStored(),
                upload("root", root), upload("targets", targets),
                upload("snapshot", sign(body, MetadataSigner.of(repo.targetsKey))));
    }

    @Test
    void s3SnapshotMustListRootAndTargets() {
        byte[] snapshot = repo.signedSnapshot(1, Map.of("root", root));
        refused(BAD_SNAPSHOT, "snapshot type metadata invalid: missing targets sha256 checksum information",
                nothingStored(), upload("root", root), upload("snapshot", snapshot));
    }

    @Test
    void s4VersionMustBeAtLeastOne() {
        byte[] snapshot = repo.signedSnapshot(0, Map.of("root", root, "targets", targets));
        refused(BAD_SNAPSHOT, "snapshot type metadata invalid: version cannot be less than one", nothingStored(),
                upload("root", root), upload("snapshot", snapshot));
    }

    @Test
    void s5ExpiredSnapshotIsRefused() {
        Snapshot body = new Snapshot(TestRepo.LAST_MONTH, 1, Map.of("root", FileMeta.of(root),
                "targets", FileMeta.of(targets)));
        refused(BAD_SNAPSHOT, "snapshot expired at Fri May 1 00:00:00 UTC 2026", nothingStored(),
                upload("root", root), upload("snapshot", sign(body, MetadataSigner.of(repo.snapshotKey))));
    }

    @Test
    void s7EveryLoadedFileMustMatchItsEntry() {
        byte[] otherTargets = repo.signedTargets(repo.targets(2));
        byte[] snapshot = repo.signedSnapshot(1, Map.of("root", root, "targets", otherTargets));
        refused(BAD_SNAPSHOT, "sha256 checksum for targets did not match: expected "
                + HexFormat.of().formatHex(Hashes.sha256(otherTargets)), nothingStored(), upload("root", root),
                upload("targets", targets), upload("snapshot", snapshot));
    }

    @Test
    void s7TheStoredRootIsCheckedToo() {
        byte[] otherRoot = repo.signedRoot(repo.root(1).withExpires(TestRepo.NEXT_YEAR.plusDays(1)));
        byte[] snapshot = repo.signedSnapshot(1, Map.of("root", otherRoot, "targets", targets));
        refused(BAD_SNAPSHOT, "sha256 checksum for root did not match: expected "
                + HexFormat.of().formatHex(Hashes.sha256(otherRoot)), stored(Map.of("root", root)),
                upload("snapshot", snapshot));
    }

    @Test
    void s7StoredAncestorsAndUploadedDelegationsNeedEntries() {
        byte[] parent = repo.signedTargets(repo.targets(1, "targets/releases"));
        byte[] releases = repo.signedDelegation(repo.targets(1));
        byte[] storedSnapshot = repo.signedSnapshot(1, Map.of("root", root, "targets", parent));
        byte[] withoutDelegation = repo.signedSnapshot(2, Map.of("root", root, "targets", parent));
        refused(BAD_SNAPSHOT, "no checksums for supported algorithms were provided for targets/releases",
                stored(Map.of("root", root, "targets", parent, "snapshot", storedSnapshot)),
                upload("targets/releases", releases), upload("snapshot", withoutDelegation));

        Map<String, byte[]> staleParent = new LinkedHashMap<>(Map.of("root", root, "targets", targets,
                "targets/releases", releases));
        refused(BAD_SNAPSHOT, "sha256 checksum for targets did not match: expected "
                + HexFormat.of().formatHex(Hashes.sha256(targets)),
                stored(Map.of("root", root, "targets", parent, "snapshot", storedSnapshot)),
                upload("targets/releases", releases), upload("snapshot", repo.signedSnapshot(2, staleParent)));
    }
}
