package dev.notary4j.server.validation;

import static dev.notary4j.server.update.ValidationFailure.Kind.BAD_TARGETS;
import static dev.notary4j.server.validation.TestRepo.NOW;
import static dev.notary4j.server.validation.TestRepo.nothingStored;
import static dev.notary4j.server.validation.TestRepo.sign;
import static dev.notary4j.server.validation.TestRepo.stored;
import static dev.notary4j.server.validation.TestRepo.upload;
import static dev.notary4j.server.validation.Verdicts.accepted;
import static dev.notary4j.server.validation.Verdicts.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.server.update.RoleFile;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Spec §5.4 T1-T8 through the validator (B4.2: every failure is ErrBadTargets with notary's message). */
class TargetsRulesTest {
    private final TestRepo repo = new TestRepo();
    private final byte[] root = repo.signedRoot(repo.root(1));

    @Test
    void targetsAndADelegationItListsAreAccepted() throws Exception {
        byte[] targets = repo.signedTargets(repo.targets(1, "targets/releases"));
        byte[] releases = repo.signedDelegation(repo.targets(1));
        AcceptedUpdate update = accepted(nothingStored(), upload("targets/releases", releases), upload("root", root),
                upload("targets", targets));
        assertThat(update.targets()).extracting(RoleFile::role).containsExactly("targets", "targets/releases");
        assertThat(update.snapshotEntries()).containsOnlyKeys("root", "targets", "targets/releases");
    }

    @Test
    void t1DelegationsNeedTargetsLoadedFirst() {
        byte[] releases = repo.signedDelegation(repo.targets(1));
        refused(BAD_TARGETS, "targets must be loaded first", nothingStored(), upload("root", root),
                upload("targets/releases", releases));
    }

    @Test
    void t2DelegationMustBeListedByItsParent() {
        byte[] targets = repo.signedTargets(repo.targets(1));
        byte[] releases = repo.signedDelegation(repo.targets(1));
        refused(BAD_TARGETS, "tuf: invalid role targets/releases. delegation does not exist", nothingStored(),
                upload("root", root), upload("targets", targets), upload("targets/releases", releases));
    }

    @Test
    void t2EveryLevelDownToTheParentMustBeLoaded() throws Exception {
        byte[] targets = repo.signedTargets(repo.targets(1, "targets/a"));
        byte[] nested = repo.signedDelegation(repo.targets(1));
        // targets/a is neither uploaded nor stored: targets/a/b is unreachable.
        refused(BAD_TARGETS, "tuf: invalid role targets/a/b. delegation does not exist", nothingStored(),
                upload("root", root), upload("targets", targets), upload("targets/a/b", nested));
        byte[] a = repo.signedDelegation(repo.targets(1, "targets/a/b"));
        assertThat(accepted(nothingStored(), upload("root", root), upload("targets", targets), upload("targets/a", a),
                upload("targets/a/b", nested)).targets()).hasSize(3);
    }

    @Test
    void t2DelegationCertificateKeysMustNotUseSha1() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=releases");
        TufKey sha1 = Certificates.toTufKey(new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(NOW.minus(Duration.ofDays(1))),
                        Date.from(NOW.plus(Duration.ofDays(30))), name, pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA1withECDSA").build(pair.getPrivate()))), List.of());
        Targets body = new Targets(TestRepo.NEXT_YEAR, 1, Map.of(), new Delegations(Map.of(sha1.id(), sha1),
                List.of(new DelegatedRole("targets/releases", List.of(sha1.id()), List.of(""), 1))));
        refused(BAD_TARGETS, "certificate with CN releases uses invalid SHA1 signature algorithm", nothingStored(),
                upload("root", root), upload("targets", repo.signedTargets(body)),
                upload("targets/releases", repo.signedDelegation(repo.targets(1))));
    }

    @Test
    void t3UnparsableTargetsIsRefused() {
        refused(BAD_TARGETS, null, nothingStored(), upload("root", root),
                new dev.notary4j.server.update.UploadedFile("targets", 1, "[]".getBytes()));
    }

    @Test
    void t4DelegationsMustBeDirectChildren() {
        byte[] targets = repo.signedTargets(repo.targets(1, "targets/a/b"));
        refused(BAD_TARGETS, "targets type metadata invalid: delegation role targets/a/b invalid", nothingStored(),
                upload("root", root), upload("targets", targets));
    }

    @Test
    void t5VersionMustBeAtLeastOne() {
        byte[] targets = repo.signedTargets(repo.targets(0));
        refused(BAD_TARGETS, "targets type metadata invalid: version cannot be less than one", nothingStored(),
                upload("root", root), upload("targets", targets));
    }

    @Test
    void t6SignaturesMustMeetTheThreshold() {
        byte[] wrongKey = sign(repo.targets(1), MetadataSigner.of(repo.snapshotKey));
        refused(BAD_TARGETS, "valid signatures did not meet threshold for targets", nothingStored(),
                upload("root", root), upload("targets", wrongKey));
        refused(BAD_TARGETS, "tuf: data has no signatures", nothingStored(), upload("root", root),
                upload("targets", sign(repo.targets(1))));

        byte[] targets = repo.signedTargets(repo.targets(1, "targets/releases"));
        byte[] notByDelegationKey = repo.signedTargets(repo.targets(1));
        refused(BAD_TARGETS, "valid signatures did not meet threshold for targets/releases", nothingStored(),
                upload("root", root), upload("targets", targets), upload("targets/releases", notByDelegationKey));
    }

    @Test
    void t7ExpiredTargetsIsRefused() {
        byte[] targets = repo.signedTargets(repo.targets(1).withExpires(TestRepo.LAST_MONTH));
        refused(BAD_TARGETS, "targets expired at Fri May 1 00:00:00 UTC 2026", nothingStored(),
                upload("root", root), upload("targets", targets));
    }

    @Test
    void t8ARoleIsLoadedOncePerRequest() throws Exception {
        LoadedRoles loaded = LoadedRoles.of(SignedMetadata.parseRoot(root));
        byte[] targets = repo.signedTargets(repo.targets(1));
        LoadedRoles withTargets = TargetsRules.load(loaded, "targets", targets, false, NOW);
        assertThatThrownBy(() -> TargetsRules.load(withTargets, "targets", targets, false, NOW))
                .isInstanceOf(RuleViolation.class).hasMessage("targets has already been loaded");
    }

    @Test
    void storedTargetsIsLoadedAsContextForAnUploadedDelegation() throws Exception {
        byte[] targets = repo.signedTargets(repo.targets(1, "targets/releases").withExpires(TestRepo.LAST_MONTH));
        byte[] snapshot = repo.signedSnapshot(1, Map.of("root", root, "targets", targets));
        byte[] releases = repo.signedDelegation(repo.targets(1));
        AcceptedUpdate update = accepted(stored(Map.of("root", root, "targets", targets, "snapshot", snapshot)),
                upload("targets/releases", releases));
        assertThat(update.targets()).extracting(RoleFile::role).containsExactly("targets/releases");
        assertThat(update.snapshotEntries()).containsOnlyKeys("root", "targets", "targets/releases");
        assertThat(update.snapshotEntries().get("targets")).isEqualTo(targets);
    }

    @Test
    void delegationKeysMayBePlainKeysOfAnyType() throws Exception {
        TufPrivateKey rsa = TufPrivateKey.generate(KeyAlgorithm.RSA);
        Targets body = new Targets(TestRepo.NEXT_YEAR, 1, Map.of(), new Delegations(Map.of(rsa.id(), rsa.publicKey()),
                List.of(new DelegatedRole("targets/releases", List.of(rsa.id()), List.of(""), 1))));
        byte[] releases = sign(repo.targets(1), MetadataSigner.of(rsa));
        assertThat(accepted(nothingStored(), upload("root", root), upload("targets", repo.signedTargets(body)),
                upload("targets/releases", releases)).targets()).hasSize(2);
    }
}
