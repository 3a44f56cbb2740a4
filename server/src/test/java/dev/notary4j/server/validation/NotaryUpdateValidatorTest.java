package dev.notary4j.server.validation;

import static dev.notary4j.server.update.ValidationFailure.Kind.BAD_ROOT;
import static dev.notary4j.server.update.ValidationFailure.Kind.OTHER;
import static dev.notary4j.server.update.ValidationFailure.Kind.VALIDATION;
import static dev.notary4j.server.validation.TestRepo.GUN;
import static dev.notary4j.server.validation.TestRepo.NOW;
import static dev.notary4j.server.validation.TestRepo.nothingStored;
import static dev.notary4j.server.validation.TestRepo.sign;
import static dev.notary4j.server.validation.TestRepo.stored;
import static dev.notary4j.server.validation.TestRepo.upload;
import static dev.notary4j.server.validation.Verdicts.accepted;
import static dev.notary4j.server.validation.Verdicts.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.server.update.RoleFile;
import dev.notary4j.server.update.StoredContext;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.MetadataSigner;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The steps of spec §5.3 (B1-B5) and how each reports its failures. */
class NotaryUpdateValidatorTest {
    private final TestRepo repo = new TestRepo();
    private final byte[] root = repo.signedRoot(repo.root(1));

    @Test
    void b1StoredRootWhoseCertificatesExpiredBlocksEveryUpdateWithoutDetail() {
        TufKey shortLived = Certificates.generateRootCertificate(repo.rootKey, GUN, NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)));
        byte[] storedRoot = sign(repo.root(1, shortLived), TestRepo.rootSigner(repo.rootKey, shortLived));
        StoredContext stored = stored(Map.of("root", storedRoot));
        refused(OTHER, null, stored, upload("targets", repo.signedTargets(repo.targets(1))));
        // not even a rotation to a fresh certificate gets through
        refused(OTHER, null, stored, upload("root", repo.signedRoot(repo.root(2))));
    }

    @Test
    void b1ExpiredStoredRootIsStillUsableAsContext() throws Exception {
        byte[] expiredRoot = repo.signedRoot(repo.root(1).withExpires(TestRepo.LAST_MONTH));
        byte[] targets = repo.signedTargets(repo.targets(2));
        AcceptedUpdate update = accepted(stored(Map.of("root", expiredRoot)), upload("targets", targets));
        assertThat(update.signingRoot()).isEqualTo(expiredRoot);
        assertThat(update.root()).isEmpty();
        assertThat(update.snapshotEntries()).containsOnlyKeys("root", "targets");
    }

    @Test
    void b2RootVersionMustBeCurrentOrNext() throws Exception {
        refused(BAD_ROOT, "Root modifications must increment the version. Current 1, new 3", nothingStored(),
                upload("root", repo.signedRoot(repo.root(3))));
        assertThat(accepted(nothingStored(), upload("root", repo.signedRoot(repo.root(2)))).root()).isPresent();
        byte[] storedRoot = repo.signedRoot(repo.root(4));
        refused(BAD_ROOT, "Root modifications must increment the version. Current 4, new 6",
                stored(Map.of("root", storedRoot)), upload("root", repo.signedRoot(repo.root(6))));
        AcceptedUpdate rotation = accepted(stored(Map.of("root", storedRoot)),
                upload("root", repo.signedRoot(repo.root(5))));
        assertThat(rotation.root()).hasValueSatisfying(file -> assertThat(file.version()).isEqualTo(5));
        assertThat(rotation.signingRoot()).isEqualTo(rotation.root().get().data());
    }

    @Test
    void b3SomeRootIsNeeded() {
        refused(VALIDATION, "no pre-existing root and no root provided in update.", nothingStored(),
                upload("targets", repo.signedTargets(repo.targets(1))));
        refused(VALIDATION, "no pre-existing root and no root provided in update.", nothingStored());
    }

    @Test
    void b4AncestorTheCurrentSnapshotDoesNotListFailsWithoutDetail() {
        byte[] targets = repo.signedTargets(repo.targets(1, "targets/a"));
        StoredContext stored = stored(Map.of("root", root, "targets", targets), Set.of("targets/a"));
        refused(OTHER, null, stored, upload("targets/a/b", repo.signedDelegation(repo.targets(1))));
    }

    @Test
    void b4StoredAncestorThatDoesNotLoadFailsWithoutDetail() {
        byte[] forged = sign(repo.targets(1, "targets/releases"), MetadataSigner.of(repo.delegationKey));
        refused(OTHER, null, stored(Map.of("root", root, "targets", forged)),
                upload("targets/releases", repo.signedDelegation(repo.targets(1))));
    }

    @Test
    void uploadedTimestampIsIgnoredAndALaterPartReplacesAnEarlierOne() throws Exception {
        byte[] bad = sign(repo.targets(1), MetadataSigner.of(repo.snapshotKey));
        byte[] good = repo.signedTargets(repo.targets(1));
        AcceptedUpdate update = accepted(nothingStored(), upload("root", root), upload("targets", bad),
                upload("timestamp", "{\"signed\":{\"_type\":\"Timestamp\",\"version\":1}}".getBytes()),
                upload("targets", good));
        assertThat(update.targets()).extracting(RoleFile::data).containsExactly(good);
        assertThat(update.snapshot()).isEmpty();
        assertThat(update.snapshotEntries()).containsOnlyKeys("root", "targets");
    }
}
