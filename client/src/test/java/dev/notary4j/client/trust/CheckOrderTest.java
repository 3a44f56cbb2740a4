package dev.notary4j.client.trust;

import static dev.notary4j.client.support.TestRepository.NOW;
import static dev.notary4j.client.support.TestRepository.at;
import static dev.notary4j.client.support.TestRepository.sign;
import static dev.notary4j.client.support.TestRepository.signer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.support.TestRepository;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.verify.LowVersionException;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import dev.notary4j.tuf.verify.ThresholdNotMetException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which error a file with two faults gets tells the order of the checks, which must be notary's
 * ({@code tuf/builder.go}): checksum, signatures, version, expiry; delegations check the version before the
 * signatures.
 */
class CheckOrderTest {
    private final TestRepository repo = new TestRepository("example.com/order");
    private final TufPrivateKey stranger = TufPrivateKey.generate(KeyAlgorithm.ECDSA);

    private TrustedMetadataSet trustedUpToTargets() {
        return TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1)
                .withSnapshot(repo.snapshotBytes, 1)
                .withTargets(repo.targetsBytes, 1);
    }

    @Test
    void timestampSignaturesComeBeforeItsVersion() {
        byte[] forged = sign(repo.timestamp, signer(stranger, repo.timestampKey.publicKey()));
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW);
        assertThatThrownBy(() -> set.withTimestamp(forged, 5)).isInstanceOf(ThresholdNotMetException.class);
    }

    @Test
    void timestampVersionComesBeforeItsExpiry() {
        byte[] expired = sign(repo.timestamp.withExpires(at(NOW.minusSeconds(5))), signer(repo.timestampKey));
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW);
        assertThatThrownBy(() -> set.withTimestamp(expired, 5)).isInstanceOf(LowVersionException.class);
    }

    @Test
    void snapshotChecksumComesBeforeItsSignatures() {
        byte[] forged = sign(repo.snapshot, signer(stranger, repo.snapshotKey.publicKey()));
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1);
        assertThatThrownBy(() -> set.withSnapshot(forged, 1)).isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void delegationVersionComesBeforeItsSignatures() {
        repo.releases = repo.releases.withVersion(1);
        repo.publish();
        byte[] forged = sign(repo.releases, signer(stranger, repo.releasesKey.publicKey()));
        repo.releasesBytes = forged;
        revouch();
        TrustedMetadataSet set = trustedUpToTargets();
        assertThatThrownBy(() -> set.withDelegation("targets/releases", forged, 2)).isInstanceOf(LowVersionException.class);
    }

    @Test
    void topLevelTargetsSignaturesComeBeforeItsVersion() {
        byte[] forged = sign(repo.targets, signer(stranger, repo.targetsKey.publicKey()));
        repo.targetsBytes = forged;
        revouch();
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1).withSnapshot(repo.snapshotBytes, 1);
        assertThatThrownBy(() -> set.withTargets(forged, 2)).isInstanceOf(ThresholdNotMetException.class);
    }

    // Targets and delegations run independent checks concurrently; these pin down that the error is still notary's.

    @Test
    void targetsChecksumComesBeforeParsing() {
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1).withSnapshot(repo.snapshotBytes, 1);
        assertThatThrownBy(() -> set.withTargets("not JSON".getBytes(StandardCharsets.UTF_8), 1))
                .isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void targetsSignaturesComeBeforeDecoding() {
        repo.targetsBytes = UNSIGNED_UNDECODABLE;
        revouch();
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(repo.gun, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1).withSnapshot(repo.snapshotBytes, 1);
        assertThatThrownBy(() -> set.withTargets(UNSIGNED_UNDECODABLE, 1))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void delegationDecodingComesBeforeItsSignatures() {
        repo.releasesBytes = UNSIGNED_UNDECODABLE;
        revouch();
        TrustedMetadataSet set = trustedUpToTargets();
        assertThatThrownBy(() -> set.withDelegation("targets/releases", UNSIGNED_UNDECODABLE, 1))
                .isInstanceOf(MetadataRejectedException.class);
    }

    /** No signatures, and a version Go cannot decode into an int. */
    private static final byte[] UNSIGNED_UNDECODABLE = ("{\"signed\":{\"_type\":\"Targets\",\"version\":\"one\","
            + "\"expires\":\"2030-01-01T00:00:00Z\",\"targets\":{}},\"signatures\":[]}").getBytes(StandardCharsets.UTF_8);

    /** Re-signs snapshot and timestamp over the current targets bytes, keeping everything else. */
    private void revouch() {
        repo.snapshot = repo.snapshot.withMeta("targets", dev.notary4j.tuf.model.FileMeta.of(repo.targetsBytes))
                .withMeta("targets/releases", dev.notary4j.tuf.model.FileMeta.of(repo.releasesBytes));
        repo.snapshotBytes = sign(repo.snapshot, signer(repo.snapshotKey));
        repo.timestamp = dev.notary4j.tuf.model.Timestamp.of(repo.timestamp.expires(), repo.timestamp.version(),
                dev.notary4j.tuf.model.FileMeta.of(repo.snapshotBytes));
        repo.timestampBytes = sign(repo.timestamp, signer(repo.timestampKey));
    }
}
