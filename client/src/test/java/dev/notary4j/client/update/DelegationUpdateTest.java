package dev.notary4j.client.update;

import static dev.notary4j.client.support.TestRepository.NOW;
import static dev.notary4j.client.support.TestRepository.at;
import static dev.notary4j.client.support.TestRepository.sha256Hex;
import static dev.notary4j.client.support.TestRepository.sign;
import static dev.notary4j.client.support.TestRepository.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.cache.MetadataCache;
import dev.notary4j.client.support.MapFetcher;
import dev.notary4j.client.support.TestRepository;
import dev.notary4j.tuf.verify.ExpiredException;
import dev.notary4j.tuf.verify.LowVersionException;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delegation handling of the update, as notary's {@code downloadTargets}: which failures skip, which are fatal. */
class DelegationUpdateTest {
    private static final String GUN = "example.com/deleg";

    @TempDir
    Path trustDir;
    private final TestRepository repo = new TestRepository(GUN);
    private final MapFetcher fetcher = new MapFetcher(repo.files);
    private final List<String> warnings = new ArrayList<>();

    private TrustedMetadataSet update() {
        return new Updater("server:4443", GUN, fetcher, MetadataCache.of(trustDir, URI.create("https://server:4443"), GUN),
                TrustPinning.TOFU, Clock.fixed(NOW, ZoneOffset.UTC), UpdateLimits.NOTARY, warnings::add).update();
    }

    @Test
    void expiredDelegationIsSkippedWithAWarning() {
        repo.releases = repo.releases.withExpires(at(NOW.minusSeconds(60)));
        repo.publish();
        TrustedMetadataSet set = update();
        assertThat(set.targetsRoles()).containsOnlyKeys("targets");
        assertThat(warnings).anyMatch(w -> w.startsWith("Error getting targets/releases: targets/releases expired at"));
    }

    @Test
    void delegationSignedByAnUnlistedKeyIsSkipped() {
        repo.publish();
        repo.releasesBytes = sign(repo.releases, signer(TufPrivateKey.generate(KeyAlgorithm.ECDSA)));
        // Re-vouch for the forged file so that only its signature is wrong.
        repo.snapshot = repo.snapshot.withMeta("targets/releases", dev.notary4j.tuf.model.FileMeta.of(repo.releasesBytes));
        byte[] snapshotBytes = sign(repo.snapshot, signer(repo.snapshotKey));
        repo.timestamp = dev.notary4j.tuf.model.Timestamp.of(repo.timestamp.expires(), repo.timestamp.version(),
                dev.notary4j.tuf.model.FileMeta.of(snapshotBytes));
        repo.snapshotBytes = snapshotBytes;
        repo.timestampBytes = sign(repo.timestamp, signer(repo.timestampKey));
        repo.serveCurrent();

        TrustedMetadataSet set = update();
        assertThat(set.targetsRoles()).containsOnlyKeys("targets");
        assertThat(warnings).anyMatch(w -> w.contains("valid signatures did not meet threshold for targets/releases"));
    }

    @Test
    void expiredTopLevelTargetsIsFatal() {
        repo.targets = repo.targets.withExpires(at(NOW.minusSeconds(60)));
        repo.publish();
        assertThatThrownBy(this::update).isInstanceOfSatisfying(ExpiredException.class,
                e -> assertThat(e.role()).isEqualTo("targets"));
    }

    @Test
    void delegationVersionsAreProtectedAgainstRollback() {
        update();
        byte[] oldReleases = repo.releasesBytes;
        repo.publishNextVersion();
        update();
        vouchForOld("targets/releases", oldReleases);
        repo.releasesBytes = oldReleases;
        repo.serveCurrent();
        assertThatThrownBy(this::update).isInstanceOfSatisfying(LowVersionException.class, e -> {
            assertThat(e.role()).isEqualTo("targets/releases");
            assertThat(e.actual()).isEqualTo(1);
            assertThat(e.minimum()).isEqualTo(2);
        });
    }

    @Test
    void targetsVersionIsProtectedAgainstRollback() {
        update();
        byte[] oldTargets = repo.targetsBytes;
        repo.publishNextVersion();
        update();
        // Its floor is the cached version.
        vouchForOld("targets", oldTargets);
        repo.targetsBytes = oldTargets;
        repo.serveCurrent();
        assertThatThrownBy(this::update).isInstanceOfSatisfying(LowVersionException.class, e -> {
            assertThat(e.role()).isEqualTo("targets");
            assertThat(e.actual()).isEqualTo(1);
            assertThat(e.minimum()).isEqualTo(2);
        });
    }

    /** A new snapshot and timestamp, properly signed, that vouch for {@code oldFile} as {@code role}. */
    private void vouchForOld(String role, byte[] oldFile) {
        repo.snapshot = repo.snapshot.withVersion(repo.snapshot.version() + 1)
                .withMeta(role, dev.notary4j.tuf.model.FileMeta.of(oldFile));
        repo.snapshotBytes = sign(repo.snapshot, signer(repo.snapshotKey));
        repo.timestamp = dev.notary4j.tuf.model.Timestamp.of(repo.timestamp.expires(), repo.timestamp.version() + 1,
                dev.notary4j.tuf.model.FileMeta.of(repo.snapshotBytes));
        repo.timestampBytes = sign(repo.timestamp, signer(repo.timestampKey));
    }

    @Test
    void unchangedFilesComeFromTheCacheAndNothingIsRefetched() {
        update();
        fetcher.requests.clear();
        update();
        assertThat(fetcher.requests).containsExactly("timestamp");
    }

    @Test
    void walksDelegationsDepthFirstAndFetchesByChecksum() {
        update();
        // On first use timestamp, snapshot and targets (by name) are requested while the root is fetched, so those
        // four come in any order; the by-name snapshot and targets match their checksums and are used.
        assertThat(fetcher.requests.subList(0, 4)).containsExactlyInAnyOrder("root", "timestamp", "snapshot",
                "targets");
        assertThat(fetcher.requests.subList(4, fetcher.requests.size())).containsExactly(
                "targets/releases." + sha256Hex(repo.releasesBytes));
    }
}
