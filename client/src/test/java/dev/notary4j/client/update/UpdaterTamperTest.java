package dev.notary4j.client.update;

import static dev.notary4j.client.support.TestRepository.NOW;
import static dev.notary4j.client.support.TestRepository.at;
import static dev.notary4j.client.support.TestRepository.sha256Hex;
import static dev.notary4j.client.support.TestRepository.sign;
import static dev.notary4j.client.support.TestRepository.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.cache.MetadataCache;
import dev.notary4j.client.http.HttpMetadataFetcher;
import dev.notary4j.client.http.MaliciousServerException;
import dev.notary4j.client.http.TokenAuthenticator;
import dev.notary4j.client.support.RepoServer;
import dev.notary4j.client.support.TestRepository;
import dev.notary4j.client.targets.FoundTarget;
import dev.notary4j.client.targets.TargetResolver;
import dev.notary4j.client.trust.ChecksumMismatchException;
import dev.notary4j.tuf.verify.ExpiredException;
import dev.notary4j.tuf.verify.LowVersionException;
import dev.notary4j.client.trust.RootTrustException;
import dev.notary4j.tuf.verify.UntrustedRootException;
import dev.notary4j.tuf.verify.ThresholdNotMetException;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback server serves an honest repository, the client trusts it, then the server serves tampered data:
 * each update must fail with a typed error and leave the cached trusted state exactly as it was.
 */
class UpdaterTamperTest {
    private static final String GUN = "example.com/app";

    @TempDir
    Path trustDir;
    private final TestRepository repo = new TestRepository(GUN);
    private RepoServer server;
    private final List<String> warnings = new ArrayList<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() throws IOException {
        server = new RepoServer(GUN);
        server.serve(repo);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Updater updater(TrustPinning pinning, UpdateLimits limits) {
        HttpClient http = HttpClient.newHttpClient();
        HttpMetadataFetcher fetcher = new HttpMetadataFetcher(http, server.url(), GUN,
                new TokenAuthenticator(http, Optional.empty(), clock, Duration.ofSeconds(5)), Duration.ofSeconds(5));
        return new Updater(server.remoteName(), GUN, fetcher, MetadataCache.of(trustDir, server.url(), GUN), pinning,
                clock, limits, warnings::add);
    }

    private TrustedMetadataSet update() {
        return updater(TrustPinning.TOFU, UpdateLimits.NOTARY).update();
    }

    private Map<String, String> cachedFiles() {
        Path dir = MetadataCache.of(trustDir, server.url(), GUN).directory();
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".json"))
                    .forEach(p -> result.put(dir.relativize(p).toString(), sha256Hex(read(p))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts the honest repository, runs {@code tamper}, then checks the failure keeps the cache unchanged. */
    private <T extends Throwable> void assertRefusedAndStateKept(Runnable tamper, Class<T> expected,
            java.util.function.Consumer<T> check) {
        update();
        repo.publishNextVersion();
        server.serve(repo);
        update();
        Map<String, String> before = cachedFiles();
        assertThat(before).containsKeys("root.json", "timestamp.json", "snapshot.json", "targets.json",
                "targets/releases.json");

        tamper.run();
        assertThatThrownBy(this::update).isInstanceOfSatisfying(expected, check);
        assertThat(cachedFiles()).isEqualTo(before);
    }

    @Test
    void pinnedCertificateOrCaThatDoesNotMatchTheRootIsRefusedOnFirstUse() throws Exception {
        TrustPinning wrongCert = new TrustPinning(Map.of(GUN, List.of("ab".repeat(32))), Map.of(), false);
        TufPrivateKey otherKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TrustPinning wrongCa = new TrustPinning(Map.of(), Map.of("example.com/", dev.notary4j.tuf.crypto.Certificates
                .parseBundle(dev.notary4j.tuf.crypto.Certificates.generateRootCertificate(otherKey, "other CA",
                        NOW.minusSeconds(60), NOW.plus(Duration.ofDays(30))))), false);
        for (TrustPinning pinning : List.of(wrongCert, wrongCa)) {
            assertThatThrownBy(() -> updater(pinning, UpdateLimits.NOTARY).update())
                    .isInstanceOfSatisfying(RootTrustException.class,
                            e -> assertThat(e.kind()).isEqualTo(UntrustedRootException.Kind.VALIDATION));
            assertThat(cachedFiles()).isEmpty();
        }
    }

    @Test
    void honestRepositoryResolvesTargetsAndTheirSigningRoles() {
        TrustedMetadataSet set = update();
        TargetResolver resolver = new TargetResolver(set.targetsRoles());
        assertThat(resolver.list(List.of())).extracting(FoundTarget::name, FoundTarget::role)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("v1", "targets"),
                        org.assertj.core.groups.Tuple.tuple("v2", "targets/releases"));
        assertThat(resolver.lookup("v2", List.of())).hasValueSatisfying(t -> {
            assertThat(t.role()).isEqualTo("targets/releases");
            assertThat(t.sha256Hex()).contains(sha256Hex("two".getBytes()));
        });
        // First use: snapshot and targets asked for by name early, and used as they match the vouched checksums.
        assertThat(server.requests).contains("root", "timestamp", "snapshot", "targets",
                "targets/releases." + sha256Hex(repo.releasesBytes));
        assertThat(server.requests).doesNotContain("snapshot." + sha256Hex(repo.snapshotBytes),
                "targets." + sha256Hex(repo.targetsBytes));
    }

    @Test
    void firstUseFetchesByChecksumWhenTheFilesByNameAreNotTheVouchedOnes() {
        Map<String, byte[]> vouched = Map.copyOf(repo.files);
        int vouchedTargetsVersion = repo.targets.version();
        repo.publishNextVersion(); // published again between the timestamp and the by-name requests
        server.files.clear();
        server.files.putAll(vouched);
        server.files.put("snapshot", repo.snapshotBytes);
        server.files.put("targets", repo.targetsBytes);

        TrustedMetadataSet set = update();

        assertThat(set.targetsRoles().get("targets").targets().version()).isEqualTo(vouchedTargetsVersion);
        assertThat(server.requests).contains("snapshot", "snapshot." + sha256Hex(vouched.get("snapshot")),
                "targets", "targets." + sha256Hex(vouched.get("targets")));
        assertThat(cachedFiles()).containsEntry("targets.json", sha256Hex(vouched.get("targets")));
    }

    @Test
    void firstUseFetchesByChecksumWhenTheRequestsByNameFail() {
        server.files.remove("snapshot");
        server.files.put("targets", "not metadata".getBytes());

        TrustedMetadataSet set = update();

        assertThat(set.targetsRoles()).containsKeys("targets", "targets/releases");
        assertThat(server.requests).contains("snapshot." + sha256Hex(repo.snapshotBytes),
                "targets." + sha256Hex(repo.targetsBytes));
    }

    @Test
    void cachedRepositoryAsksForNothingByNameButTheTimestamp() {
        update();
        repo.publishNextVersion();
        server.serve(repo);
        server.requests.clear();

        update();

        assertThat(server.requests).doesNotContain("snapshot", "targets");
        assertThat(server.requests).contains("timestamp", "snapshot." + sha256Hex(repo.snapshotBytes),
                "targets." + sha256Hex(repo.targetsBytes));
    }

    @Test
    void badTimestampSignatureIsRefused() {
        assertRefusedAndStateKept(() -> {
            byte[] forged = sign(repo.timestamp.withVersion(repo.timestamp.version() + 1),
                    signer(TufPrivateKey.generate(KeyAlgorithm.ECDSA), repo.timestampKey.publicKey()));
            server.files.put("timestamp", forged);
        }, ThresholdNotMetException.class, e -> {
            assertThat(e.role()).isEqualTo("timestamp");
            assertThat(e.validCount()).isZero();
        });
    }

    @Test
    void snapshotBelowItsThresholdIsRefused() {
        TufPrivateKey second = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        repo.root = repo.root.withKey(second.id(), second.publicKey())
                .withRole("snapshot", new Role(List.of(repo.snapshotKey.id(), second.id()), 2));
        repo.publishRoot();
        repo.extraSnapshotKeys.add(second);
        repo.publish();
        server.serve(repo);
        assertRefusedAndStateKept(() -> {
            // The next snapshot carries only one of the two signatures the root requires.
            repo.extraSnapshotKeys.clear();
            repo.publishNextVersion();
            server.serve(repo);
        }, ThresholdNotMetException.class, e -> {
            assertThat(e.role()).isEqualTo("snapshot");
            assertThat(e.validCount()).isEqualTo(1);
            assertThat(e.threshold()).isEqualTo(2);
        });
    }

    @Test
    void rolledBackTimestampIsRefused() {
        byte[] oldTimestamp = repo.timestampBytes;
        assertRefusedAndStateKept(() -> server.files.put("timestamp", oldTimestamp), LowVersionException.class, e -> {
            assertThat(e.role()).isEqualTo("timestamp");
            assertThat(e.actual()).isEqualTo(1);
            assertThat(e.minimum()).isEqualTo(2);
        });
    }

    @Test
    void rolledBackSnapshotIsRefused() {
        byte[] oldSnapshot = repo.snapshotBytes;
        assertRefusedAndStateKept(() -> {
            // A fresh, validly signed timestamp that points at the old snapshot.
            byte[] ts = sign(dev.notary4j.tuf.model.Timestamp.of(repo.timestamp.expires(), repo.timestamp.version() + 1,
                    dev.notary4j.tuf.model.FileMeta.of(oldSnapshot)), signer(repo.timestampKey));
            server.files.put("timestamp", ts);
            server.files.put("snapshot." + sha256Hex(oldSnapshot), oldSnapshot);
        }, LowVersionException.class, e -> {
            assertThat(e.role()).isEqualTo("snapshot");
            assertThat(e.actual()).isEqualTo(1);
            assertThat(e.minimum()).isEqualTo(2);
        });
    }

    @Test
    void expiredTimestampIsRefused() {
        assertRefusedAndStateKept(() -> {
            byte[] ts = sign(repo.timestamp.withVersion(repo.timestamp.version() + 1)
                    .withExpires(at(NOW.minusSeconds(1))), signer(repo.timestampKey));
            server.files.put("timestamp", ts);
        }, ExpiredException.class, e -> {
            assertThat(e.role()).isEqualTo("timestamp");
            assertThat(e.expires().toInstant()).isEqualTo(NOW.minusSeconds(1));
        });
    }

    @Test
    void targetsNotMatchingTheSnapshotHashAreRefused() {
        assertRefusedAndStateKept(() -> {
            repo.publishNextVersion();
            server.serve(repo);
            // Same name (the checksum the snapshot vouches for) and length, other content, validly signed.
            byte[] other = sign(repo.targets.withoutTarget("v1").withTarget("v9", TestRepository.target("one")),
                    signer(repo.targetsKey));
            assertThat(other).hasSameSizeAs(repo.targetsBytes);
            server.files.put("targets." + sha256Hex(repo.targetsBytes), other);
        }, ChecksumMismatchException.class, e -> {
            assertThat(e.role()).isEqualTo("targets");
            assertThat(e.vouchedBy()).isEqualTo("snapshot");
        });
    }

    @Test
    @Timeout(30)
    void endlessTimestampBodyIsCutAtOneMebibyte() {
        assertRefusedAndStateKept(() -> server.endless.add("timestamp"), MaliciousServerException.class,
                e -> assertThat(e.limit()).isEqualTo(1L << 20));
    }

    @Test
    void rootRotationNotSignedByTheOldRootIsRefused() {
        assertRefusedAndStateKept(() -> {
            TufPrivateKey attackerKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
            TufKey attackerCert = TestRepository.certFor(attackerKey, GUN);
            repo.root = repo.root.withVersion(2).withoutKey(repo.rootCert.id()).withKey(attackerCert.id(), attackerCert)
                    .withRole("root", new Role(List.of(attackerCert.id()), 1));
            repo.rootKey = attackerKey;
            repo.rootCert = attackerCert;
            repo.publishRoot();
            repo.publishNextVersion();
            server.serve(repo);
        }, RootTrustException.class, e -> assertThat(e.kind()).isEqualTo(UntrustedRootException.Kind.ROTATION));
    }

    @Test
    void followsRootRotationsThroughVersionedRoots() {
        update();
        // v2: new root key, signed by old and new; v3: another key, signed by v2's and v3's.
        for (int version = 2; version <= 3; version++) {
            TufPrivateKey newKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
            TufKey newCert = TestRepository.certFor(newKey, GUN);
            var oldSigner = signer(repo.rootKey, repo.rootCert);
            repo.root = repo.root.withVersion(version).withKey(newCert.id(), newCert)
                    .withRole("root", new Role(List.of(newCert.id()), 1));
            repo.rootKey = newKey;
            repo.rootCert = newCert;
            repo.publishRoot(oldSigner);
        }
        repo.publishNextVersion();
        server.serve(repo);
        server.requests.clear();

        TrustedMetadataSet set = update();
        assertThat(set.root().signed().version()).isEqualTo(3);
        assertThat(server.requests).contains("2.root").doesNotContain("1.root");
        // v3 alone is not signed by v1's key: the client had to walk through 2.root.json.
        assertThat(new TargetResolver(set.targetsRoles()).lookup("v1", List.of())).isPresent();
    }

    @Test
    void rootRotationChainLongerThanTheCapIsRefused() {
        update();
        for (int version = 2; version <= 4; version++) {
            TufPrivateKey newKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
            TufKey newCert = TestRepository.certFor(newKey, GUN);
            var oldSigner = signer(repo.rootKey, repo.rootCert);
            repo.root = repo.root.withVersion(version).withKey(newCert.id(), newCert)
                    .withRole("root", new Role(List.of(newCert.id()), 1));
            repo.rootKey = newKey;
            repo.rootCert = newCert;
            repo.publishRoot(oldSigner);
        }
        repo.publishNextVersion();
        server.serve(repo);
        assertThatThrownBy(() -> updater(TrustPinning.TOFU, new UpdateLimits(1 << 20, 100 << 20, 2)).update())
                .isInstanceOfSatisfying(RootRotationLimitException.class, e -> {
                    assertThat(e.trustedVersion()).isEqualTo(1);
                    assertThat(e.offeredVersion()).isEqualTo(4);
                });
    }

    @Test
    void delegationTargetOutsideItsPathsIsNotTrusted() {
        repo.targets = repo.targets.withDelegations(new Delegations(
                Map.of(repo.releasesKey.id(), repo.releasesKey.publicKey()),
                List.of(new DelegatedRole("targets/releases", List.of(repo.releasesKey.id()), List.of("v2"), 1))));
        repo.releases = repo.releases.withTarget("evil", TestRepository.target("evil"));
        repo.publish();
        server.serve(repo);

        TargetResolver resolver = new TargetResolver(update().targetsRoles());
        assertThat(resolver.list(List.of())).extracting(FoundTarget::name).containsExactlyInAnyOrder("v1", "v2");
        assertThat(resolver.lookup("evil", List.of())).isEmpty();
        assertThat(resolver.findAll("evil")).isEmpty();
    }

    @Test
    void fallsBackToTheCachedTimestampWhenTheServerIsDown() {
        update();
        server.close();
        TrustedMetadataSet set = update();
        assertThat(set.timestamp()).isPresent();
        assertThat(warnings).anyMatch(w -> w.contains("using cached timestamp"));
    }

    @Test
    void expiredCachedTimestampIsNotUsedOffline() {
        repo.timestamp = repo.timestamp.withExpires(at(NOW.plus(Duration.ofDays(1))));
        repo.publish();
        server.serve(repo);
        update();
        server.close();
        clock = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        // The expired cached timestamp is refused, so the client refreshes the root, which needs the server:
        // like notary, it reports that last failure.
        assertThatThrownBy(this::update).isInstanceOfSatisfying(dev.notary4j.client.http.NetworkException.class,
                e -> assertThat(e.name()).isEqualTo("root"));
    }

    @Test
    void expiredCachedRootIsReplacedByANewRootItSigned() {
        repo.root = repo.root.withExpires(at(NOW.plus(Duration.ofDays(10))));
        repo.publishRoot();
        repo.publish();
        server.serve(repo);
        update();

        repo.root = repo.root.withVersion(2).withExpires(at(NOW.plus(Duration.ofDays(3000))));
        repo.publishRoot();
        repo.publishNextVersion();
        server.serve(repo);
        clock = Clock.fixed(NOW.plus(Duration.ofDays(20)), ZoneOffset.UTC);
        assertThat(update().root().signed().version()).isEqualTo(2);
    }

    @Test
    void expiredCachedRootWithoutAReplacementFails() {
        repo.root = repo.root.withExpires(at(NOW.plus(Duration.ofDays(10))));
        repo.publishRoot();
        repo.publish();
        server.serve(repo);
        update();
        clock = Clock.fixed(NOW.plus(Duration.ofDays(20)), ZoneOffset.UTC);
        assertThatThrownBy(this::update).isInstanceOfSatisfying(ExpiredException.class,
                e -> assertThat(e.role()).isEqualTo("root"));
    }

    @Test
    void unknownRepositoryIsReportedLikeNotary() {
        server.files.clear();
        assertThatThrownBy(this::update).isInstanceOfSatisfying(RepositoryNotFoundException.class,
                e -> assertThat(e.getMessage()).isEqualTo(server.remoteName() + " does not have trust data for " + GUN));
    }
}
