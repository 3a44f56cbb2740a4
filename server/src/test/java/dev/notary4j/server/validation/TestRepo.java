package dev.notary4j.server.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.server.update.StoredContext;
import dev.notary4j.server.update.UploadedFile;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A repository's keys and metadata built with tuf-model's signing, the way the notary client makes them: a root
 * certificate for the GUN, ed25519 targets/snapshot/timestamp keys, threshold 1, one year of validity.
 */
public final class TestRepo {
    public static final String GUN = "example.com/app";
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final OffsetDateTime NEXT_YEAR = NOW.atOffset(ZoneOffset.UTC).plusYears(1);
    public static final OffsetDateTime LAST_MONTH = OffsetDateTime.parse("2026-05-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    final TufKey rootCert = certificate(rootKey, GUN);
    final TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.ED25519);
    final TufPrivateKey snapshotKey = TufPrivateKey.generate(KeyAlgorithm.ED25519);
    final TufPrivateKey timestampKey = TufPrivateKey.generate(KeyAlgorithm.ED25519);
    final TufPrivateKey delegationKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private final TufKey timestampPublicKey;

    public TestRepo() {
        timestampPublicKey = timestampKey.publicKey();
    }

    /** A repository whose timestamp key is held elsewhere (the server's trust service). */
    public TestRepo(TufKey timestampPublicKey) {
        this.timestampPublicKey = timestampPublicKey;
    }

    /** A root certificate as the notary client makes it, valid from yesterday for ten years. */
    static TufKey certificate(TufPrivateKey key, String commonName) {
        return Certificates.generateRootCertificate(key, commonName, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3650)));
    }

    /** A root with {@code rootKeys} as root role (threshold 1) and this repository's other keys. */
    Root root(int version, TufKey... rootKeys) {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        for (TufKey key : rootKeys) {
            keys.put(key.id(), key);
        }
        keys.put(targetsKey.id(), targetsKey.publicKey());
        keys.put(snapshotKey.id(), snapshotKey.publicKey());
        keys.put(timestampPublicKey.id(), timestampPublicKey);
        Map<String, Role> roles = Map.of(
                "root", new Role(List.copyOf(keysOf(rootKeys)), 1),
                "targets", new Role(List.of(targetsKey.id()), 1),
                "snapshot", new Role(List.of(snapshotKey.id()), 1),
                "timestamp", new Role(List.of(timestampPublicKey.id()), 1));
        return new Root(NEXT_YEAR, version, keys, roles, false);
    }

    public Root root(int version) {
        return root(version, rootCert);
    }

    private static List<String> keysOf(TufKey[] keys) {
        return java.util.Arrays.stream(keys).map(TufKey::id).toList();
    }

    /** Signed by the repository's root certificate key. */
    public byte[] signedRoot(Root body) {
        return sign(body, rootSigner(rootKey, rootCert));
    }

    static MetadataSigner rootSigner(TufPrivateKey key, TufKey certificate) {
        return MetadataSigner.of(key, certificate.id());
    }

    /** Targets (or a delegation) listing {@code delegations}, each granted to the delegation key. */
    public Targets targets(int version, String... delegations) {
        Map<String, TufKey> keys = delegations.length == 0 ? Map.of()
                : Map.of(delegationKey.id(), delegationKey.publicKey());
        List<DelegatedRole> roles = java.util.Arrays.stream(delegations)
                .map(name -> new DelegatedRole(name, List.of(delegationKey.id()), List.of(""), 1)).toList();
        return new Targets(NEXT_YEAR, version, Map.of(), new Delegations(keys, roles));
    }

    public byte[] signedTargets(Targets body) {
        return sign(body, MetadataSigner.of(targetsKey));
    }

    byte[] signedDelegation(Targets body) {
        return sign(body, MetadataSigner.of(delegationKey));
    }

    /** A snapshot listing exactly {@code files} by role. */
    public byte[] signedSnapshot(int version, Map<String, byte[]> files) {
        Map<String, FileMeta> meta = new LinkedHashMap<>();
        files.forEach((role, data) -> meta.put(role, FileMeta.of(data)));
        return sign(new Snapshot(NEXT_YEAR, version, meta), MetadataSigner.of(snapshotKey));
    }

    public static byte[] sign(SignedBody body, MetadataSigner... signers) {
        return SignedMetadata.sign(body, List.of(signers)).raw();
    }

    /** An uploaded part, its version decoded as the transport does (A5). */
    static UploadedFile upload(String role, byte[] data) {
        try {
            return new UploadedFile(role, JSON.readTree(data).path("signed").path("version").asLong(), data);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Nothing stored for the GUN. */
    static StoredContext nothingStored() {
        return new StoredContext(GUN, Optional.empty(), Optional.empty(), Map.of(), Set.of(), Optional.empty(),
                Optional.empty(), NOW);
    }

    /** The GUN's current files by role: root, targets, delegations and snapshot. */
    static StoredContext stored(Map<String, byte[]> files) {
        return stored(files, Set.of());
    }

    static StoredContext stored(Map<String, byte[]> files, Set<String> unlisted) {
        Map<String, StoredFile> delegations = new HashMap<>();
        files.forEach((role, data) -> {
            if (role.startsWith("targets/")) {
                delegations.put(role, storedFile(role, data));
            }
        });
        return new StoredContext(GUN, Optional.ofNullable(files.get("root")).map(d -> storedFile("root", d)),
                Optional.ofNullable(files.get("targets")).map(d -> storedFile("targets", d)), delegations, unlisted,
                Optional.ofNullable(files.get("snapshot")).map(d -> storedFile("snapshot", d)), Optional.empty(), NOW);
    }

    private static StoredFile storedFile(String role, byte[] data) {
        int version = (int) upload(role, data).version();
        return new StoredFile(GUN, role, version, data, HexFormat.of().formatHex(Hashes.sha256(data)), NOW);
    }
}
