package dev.notary4j.client.support;

import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.model.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and re-signs a notary-shaped repository in memory (root with x509 root keys, targets, a delegation,
 * snapshot, timestamp), so that tests can serve honest and tampered versions of it. The files it holds are what
 * a server would serve, by notary name ({@code root}, {@code snapshot.<hex>}, {@code 2.root}, ...).
 */
public final class TestRepository {
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    public final String gun;
    public final Map<String, byte[]> files = new LinkedHashMap<>();
    public TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    public TufKey rootCert;
    public final TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    public final TufPrivateKey snapshotKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    public final TufPrivateKey timestampKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    public final TufPrivateKey releasesKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    /** Further keys that sign the snapshot (for thresholds above one). */
    public final List<TufPrivateKey> extraSnapshotKeys = new ArrayList<>();

    public Root root;
    public Targets targets;
    public Targets releases;
    public Snapshot snapshot;
    public Timestamp timestamp;
    public byte[] rootBytes;
    public byte[] targetsBytes;
    public byte[] releasesBytes;
    public byte[] snapshotBytes;
    public byte[] timestampBytes;

    public TestRepository(String gun) {
        this.gun = gun;
        rootCert = certFor(rootKey, gun);
        OffsetDateTime far = at(NOW.plus(Duration.ofDays(3650)));
        Map<String, TufKey> keys = new LinkedHashMap<>();
        keys.put(rootCert.id(), rootCert);
        keys.put(targetsKey.id(), targetsKey.publicKey());
        keys.put(snapshotKey.id(), snapshotKey.publicKey());
        keys.put(timestampKey.id(), timestampKey.publicKey());
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("root", new Role(List.of(rootCert.id()), 1));
        roles.put("targets", new Role(List.of(targetsKey.id()), 1));
        roles.put("snapshot", new Role(List.of(snapshotKey.id()), 1));
        roles.put("timestamp", new Role(List.of(timestampKey.id()), 1));
        root = new Root(far, 1, keys, roles, false);
        targets = new Targets(far, 1, Map.of("v1", target("one")), new Delegations(
                Map.of(releasesKey.id(), releasesKey.publicKey()),
                List.of(new DelegatedRole("targets/releases", List.of(releasesKey.id()), List.of(""), 1))));
        releases = new Targets(far, 1, Map.of("v2", target("two")), Delegations.EMPTY);
        snapshot = new Snapshot(far, 1, Map.of());
        timestamp = Timestamp.of(far, 1, FileMeta.of(new byte[0]));
        publishRoot();
        publish();
    }

    public static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static TufKey certFor(TufPrivateKey key, String cn) {
        return Certificates.generateRootCertificate(key, cn, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)));
    }

    public static FileMeta target(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return FileMeta.of(bytes);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static MetadataSigner signer(TufPrivateKey key) {
        return signer(key, key.publicKey());
    }

    /** Signs with {@code key}, naming {@code listed} (e.g. the certificate key in root.json) as the key ID. */
    public static MetadataSigner signer(TufPrivateKey key, TufKey listed) {
        return canonical -> new Signature(listed.id(), key.signatureMethod().wireName(), key.sign(canonical));
    }

    public static byte[] sign(SignedBody body, MetadataSigner... signers) {
        return SignedMetadata.sign(body, List.of(signers)).raw();
    }

    /** Signs the current root with the current root key and serves it as root.json and {@code <v>.root.json}. */
    public void publishRoot(MetadataSigner... extraSigners) {
        List<MetadataSigner> signers = new ArrayList<>(List.of(signer(rootKey, rootCert)));
        signers.addAll(List.of(extraSigners));
        rootBytes = SignedMetadata.sign(root, signers).raw();
        files.put("root", rootBytes);
        files.put(root.version() + ".root", rootBytes);
        files.put("root." + sha256Hex(rootBytes), rootBytes);
    }

    /** Signs targets, the delegation, snapshot and timestamp from the current records and serves them. */
    public void publish() {
        targetsBytes = sign(targets, signer(targetsKey));
        releasesBytes = sign(releases, signer(releasesKey));
        snapshot = new Snapshot(snapshot.expires(), snapshot.version(), Map.of(
                "root", FileMeta.of(rootBytes), "targets", FileMeta.of(targetsBytes),
                "targets/releases", FileMeta.of(releasesBytes)));
        List<MetadataSigner> snapshotSigners = new ArrayList<>(List.of(signer(snapshotKey)));
        extraSnapshotKeys.forEach(k -> snapshotSigners.add(signer(k)));
        snapshotBytes = SignedMetadata.sign(snapshot, snapshotSigners).raw();
        timestamp = Timestamp.of(timestamp.expires(), timestamp.version(), FileMeta.of(snapshotBytes));
        timestampBytes = sign(timestamp, signer(timestampKey));
        serveCurrent();
    }

    /** Serves the current bytes under notary's names. */
    public void serveCurrent() {
        files.put("targets", targetsBytes);
        files.put("targets." + sha256Hex(targetsBytes), targetsBytes);
        files.put("targets/releases", releasesBytes);
        files.put("targets/releases." + sha256Hex(releasesBytes), releasesBytes);
        files.put("snapshot", snapshotBytes);
        files.put("snapshot." + sha256Hex(snapshotBytes), snapshotBytes);
        files.put("timestamp", timestampBytes);
    }

    /** Bumps every version of targets, delegation, snapshot and timestamp and re-publishes. */
    public void publishNextVersion() {
        targets = targets.withVersion(targets.version() + 1);
        releases = releases.withVersion(releases.version() + 1);
        snapshot = snapshot.withVersion(snapshot.version() + 1);
        timestamp = timestamp.withVersion(timestamp.version() + 1);
        publish();
    }
}
