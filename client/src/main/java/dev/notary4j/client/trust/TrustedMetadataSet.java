package dev.notary4j.client.trust;

import dev.notary4j.client.concurrent.DaemonTasks;
import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.HashCheckException;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.model.Timestamp;
import dev.notary4j.tuf.verify.Freshness;
import dev.notary4j.tuf.verify.ThresholdVerifier;
import dev.notary4j.tuf.verify.VerificationRole;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The verified metadata of one repository: a pure, immutable state machine over bytes, like python-tuf's
 * TrustedMetadataSet and notary's {@code tuf/builder.go}. Every {@code with*} method checks the offered bytes in
 * notary's order and returns a new set; on any failure it throws and the set it was called on is unchanged: a
 * client {@link VerificationException} (checksums, root trust, unknown roles, unparsable files) or a tuf-model
 * {@link dev.notary4j.tuf.verify.SignatureVerificationException} (signatures, thresholds, versions, expiry). No I/O, no clock: the evaluation time
 * is a parameter.
 *
 * <p>Per role, as notary's builder: checksum against the parent's meta, envelope, signatures against the
 * role's keys and threshold, structure, {@code version >= minimumVersion}, expiry last. Delegations check the
 * version before the signatures, as notary does.
 */
public final class TrustedMetadataSet {
    private final String gun;
    private final Instant now;
    private final boolean enforceExpiry;
    private final TrustPinning pinning;
    private final SignedMetadata<Root> root;
    private final SignedMetadata<Timestamp> timestamp;
    private final SignedMetadata<Snapshot> snapshot;
    private final Map<String, TrustedTargetsRole> targets;

    private TrustedMetadataSet(String gun, Instant now, boolean enforceExpiry, TrustPinning pinning,
            SignedMetadata<Root> root, SignedMetadata<Timestamp> timestamp, SignedMetadata<Snapshot> snapshot,
            Map<String, TrustedTargetsRole> targets) {
        this.gun = gun;
        this.now = now;
        this.enforceExpiry = enforceExpiry;
        this.pinning = pinning;
        this.root = root;
        this.timestamp = timestamp;
        this.snapshot = snapshot;
        this.targets = Collections.unmodifiableMap(targets);
    }

    /**
     * First use of a repository (no cached root): {@code rootBytes} must pass trust pinning (TOFU unless
     * {@code pinning} says otherwise) and must not be expired.
     */
    public static TrustedMetadataSet firstUse(String gun, byte[] rootBytes, TrustPinning pinning, Instant now) {
        SignedMetadata<Root> root = RootTrust.validate(parseEnvelope(RoleName.ROOT, rootBytes), Optional.empty(),
                gun, pinning, now);
        Freshness.checkNotExpired(RoleName.ROOT, root.signed(), now);
        return new TrustedMetadataSet(gun, now, true, pinning, root, null, null, new LinkedHashMap<>());
    }

    /**
     * A cached root as trust anchor. Its certificates must still satisfy the leaf rules, but no pinning applies:
     * the cache is the pin. With {@code enforceExpiry} false this is notary's "old builder", whose loaded versions
     * are the rollback floor.
     */
    public static TrustedMetadataSet fromCachedRoot(String gun, byte[] rootBytes, Instant now, boolean enforceExpiry) {
        SignedMetadata<Root> root = RootTrust.validate(parseEnvelope(RoleName.ROOT, rootBytes), Optional.empty(),
                gun, TrustPinning.TOFU, now);
        if (enforceExpiry) {
            Freshness.checkNotExpired(RoleName.ROOT, root.signed(), now);
        }
        return new TrustedMetadataSet(gun, now, enforceExpiry, TrustPinning.TOFU, root, null, null, new LinkedHashMap<>());
    }

    /** This root alone, with expiry enforced and {@code newPinning} for the roots that will replace it. */
    public TrustedMetadataSet restartedWith(TrustPinning newPinning) {
        return new TrustedMetadataSet(gun, now, true, newPinning, root, null, null, new LinkedHashMap<>());
    }

    /** Only the trusted root of this set (the state a new update cycle starts from). */
    public TrustedMetadataSet rootOnly() {
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, root, null, null, new LinkedHashMap<>());
    }

    /** The pinning that roots replacing this set's root must pass. */
    public TrustPinning pinning() {
        return pinning;
    }

    /** The version a root file claims, read without trusting it (to plan a rotation walk). */
    public static int peekRootVersion(byte[] bytes) {
        return decode(parseEnvelope(RoleName.ROOT, bytes), RoleName.ROOT, Root.class).signed().version();
    }

    /**
     * Replaces the root with {@code bytes}, which must be signed by the current root's certificates at the current
     * root threshold and by its own at its own threshold, with {@code version >= minimumVersion}. An intermediate
     * root of a rotation chain ({@code isFinal} false) may be expired; the final one may not, and must match
     * {@code expectedMeta} when the snapshot told us its checksum. Everything but the root is dropped.
     */
    public TrustedMetadataSet withRoot(byte[] bytes, int minimumVersion, boolean isFinal, Optional<FileMeta> expectedMeta) {
        if (isFinal && expectedMeta.isPresent()) {
            checkHashes(RoleName.ROOT, "snapshot", expectedMeta.get(), bytes);
        }
        SignedMetadata<Root> candidate = RootTrust.validate(parseEnvelope(RoleName.ROOT, bytes), Optional.of(root),
                gun, pinning, now);
        Freshness.checkVersionAtLeast(RoleName.ROOT, candidate.signed(), minimumVersion);
        if (isFinal) {
            Freshness.checkNotExpired(RoleName.ROOT, candidate.signed(), now);
        }
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, candidate, null, null, new LinkedHashMap<>());
    }

    /** Accepts a timestamp signed by the root's timestamp keys; drops snapshot and targets. */
    public TrustedMetadataSet withTimestamp(byte[] bytes, int minimumVersion) {
        String role = RoleName.TIMESTAMP;
        SignedEnvelope envelope = parseEnvelope(role, bytes);
        verifyBaseRole(role, envelope);
        SignedMetadata<Timestamp> candidate = decode(envelope, role, Timestamp.class);
        Freshness.checkVersionAtLeast(role, candidate.signed(), minimumVersion);
        expiryIfEnforced(role, candidate.signed());
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, root, candidate, null, new LinkedHashMap<>());
    }

    /**
     * Accepts a snapshot matching the timestamp's meta and signed by the root's snapshot keys. If it vouches for
     * another root than the trusted one, throws {@link RootChangedException}: refresh the root first.
     */
    public TrustedMetadataSet withSnapshot(byte[] bytes, int minimumVersion) {
        String role = RoleName.SNAPSHOT;
        SignedMetadata<Timestamp> ts = require(timestamp, RoleName.TIMESTAMP, role);
        checkHashes(role, RoleName.TIMESTAMP, ts.signed().snapshotMeta(), bytes);
        SignedEnvelope envelope = parseEnvelope(role, bytes);
        verifyBaseRole(role, envelope);
        SignedMetadata<Snapshot> candidate = decode(envelope, role, Snapshot.class);
        Freshness.checkVersionAtLeast(role, candidate.signed(), minimumVersion);
        expiryIfEnforced(role, candidate.signed());
        FileMeta rootMeta = candidate.signed().meta().get(RoleName.ROOT);
        try {
            Hashes.check(rootMeta.hashes(), root.raw());
        } catch (HashCheckException e) {
            throw new RootChangedException(rootMeta);
        }
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, root, timestamp, candidate, new LinkedHashMap<>());
    }

    /**
     * Accepts the top-level targets, matching the snapshot's meta and signed by the root's targets keys. Targets
     * files are the large ones (~100 bytes per target), so independent checks run two at a time: the checksum
     * while the file is parsed, the decoding while the signatures are verified; their outcomes are taken in
     * notary's order, so the error reported is the one the sequential checks would report.
     */
    public TrustedMetadataSet withTargets(byte[] bytes, int minimumVersion) {
        String role = RoleName.TARGETS;
        SignedMetadata<Snapshot> snap = require(snapshot, RoleName.SNAPSHOT, role);
        SignedEnvelope envelope = parseWhileCheckingHashes(role, metaInSnapshot(snap, role), bytes);
        CompletableFuture<SignedMetadata<Targets>> decoded = beside(role, () -> decode(envelope, role, Targets.class));
        verifyBaseRole(role, envelope);
        SignedMetadata<Targets> candidate = DaemonTasks.join(decoded);
        Freshness.checkVersionAtLeast(role, candidate.signed(), minimumVersion);
        expiryIfEnforced(role, candidate.signed());
        VerificationRole base = VerificationRole.fromRoot(root.signed(), role);
        RoleGrant grant = RoleGrant.topLevel(base.keys(), base.threshold());
        Map<String, TrustedTargetsRole> loaded = new LinkedHashMap<>();
        loaded.put(role, new TrustedTargetsRole(grant, candidate.signed()));
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, root, timestamp, snapshot, loaded);
    }

    /**
     * Accepts delegation {@code role}, granted by its already trusted parent (keys, threshold, paths restricted
     * by the parent's), matching the snapshot's meta.
     */
    public TrustedMetadataSet withDelegation(String role, byte[] bytes, int minimumVersion) {
        if (!RoleName.isDelegation(role)) {
            throw new UnknownRoleException(role, "not a delegation role");
        }
        SignedMetadata<Snapshot> snap = require(snapshot, RoleName.SNAPSHOT, role);
        TrustedTargetsRole parent = targets.get(RoleName.parent(role));
        if (parent == null) {
            throw new UnknownRoleException(role, "parent " + RoleName.parent(role) + " is not trusted");
        }
        RoleGrant grant = parent.children().stream().filter(g -> g.name().equals(role)).findFirst()
                .orElseThrow(() -> new UnknownRoleException(role, "not delegated by " + parent.name()));
        for (TufKey key : grant.keys().values()) {
            try {
                Certificates.checkDelegationKey(key);
            } catch (CertificateRuleException e) {
                throw new UnknownRoleException(role, "certificate validation failed: " + e.getMessage());
            }
        }
        // As in withTargets, but a delegation's version is checked before its signatures.
        SignedEnvelope envelope = parseWhileCheckingHashes(role, metaInSnapshot(snap, role), bytes);
        CompletableFuture<Void> signatures = beside(role, () -> {
            ThresholdVerifier.verify(envelope, new VerificationRole(role, grant.keys(), grant.threshold()));
            return null;
        });
        SignedMetadata<Targets> candidate = decode(envelope, role, Targets.class);
        Freshness.checkVersionAtLeast(role, candidate.signed(), minimumVersion);
        DaemonTasks.join(signatures);
        expiryIfEnforced(role, candidate.signed());
        Map<String, TrustedTargetsRole> loaded = new LinkedHashMap<>(targets);
        loaded.put(role, new TrustedTargetsRole(grant, candidate.signed()));
        return new TrustedMetadataSet(gun, now, enforceExpiry, pinning, root, timestamp, snapshot, loaded);
    }

    public String gun() {
        return gun;
    }

    public SignedMetadata<Root> root() {
        return root;
    }

    public Optional<SignedMetadata<Timestamp>> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    public Optional<SignedMetadata<Snapshot>> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** The trusted targets roles by name, in the order they were accepted. */
    public Map<String, TrustedTargetsRole> targetsRoles() {
        return targets;
    }

    /** The version of a trusted role, or 1 (notary's floor) when that role is not trusted here. */
    public int versionOf(String role) {
        return switch (role) {
            case RoleName.ROOT -> root.signed().version();
            case RoleName.TIMESTAMP -> timestamp == null ? 1 : timestamp.signed().version();
            case RoleName.SNAPSHOT -> snapshot == null ? 1 : snapshot.signed().version();
            default -> Optional.ofNullable(targets.get(role)).map(t -> t.targets().version()).orElse(1);
        };
    }

    /**
     * What the snapshot (or, for the snapshot, the timestamp) vouches for {@code role}; empty when nothing does or
     * the entry has no hashes (notary's {@code ChecksumKnown}: such a role is skipped).
     */
    public Optional<FileMeta> expectedMeta(String role) {
        Optional<FileMeta> meta = role.equals(RoleName.SNAPSHOT)
                ? Optional.ofNullable(timestamp).map(t -> t.signed().snapshotMeta())
                : Optional.ofNullable(snapshot).map(s -> s.signed().meta().get(role));
        return meta.filter(m -> !m.hashes().isEmpty());
    }

    private void expiryIfEnforced(String role, SignedBody body) {
        if (enforceExpiry) {
            Freshness.checkNotExpired(role, body, now);
        }
    }

    private static void checkHashes(String role, String vouchedBy, FileMeta expected, byte[] bytes) {
        try {
            Hashes.check(expected.hashes(), bytes);
        } catch (HashCheckException e) {
            throw new ChecksumMismatchException(role, vouchedBy, e.getMessage());
        }
    }

    /** Parses {@code bytes} while their hashes are checked; a checksum mismatch is reported before a parse error. */
    private static SignedEnvelope parseWhileCheckingHashes(String role, FileMeta expected, byte[] bytes) {
        CompletableFuture<Void> checksum = beside(role, () -> {
            checkHashes(role, RoleName.SNAPSHOT, expected, bytes);
            return null;
        });
        SignedEnvelope envelope;
        try {
            envelope = parseEnvelope(role, bytes);
        } catch (RuntimeException unparsable) {
            DaemonTasks.join(checksum);
            throw unparsable;
        }
        DaemonTasks.join(checksum);
        return envelope;
    }

    /** Runs {@code check} beside the caller's own checks; a failure is thrown by {@link DaemonTasks#join}. */
    private static <T> CompletableFuture<T> beside(String role, Supplier<T> check) {
        return DaemonTasks.start("notary-check-" + role, check);
    }

    private static FileMeta metaInSnapshot(SignedMetadata<Snapshot> snap, String role) {
        FileMeta meta = snap.signed().meta().get(role);
        if (meta == null) {
            throw new ChecksumMismatchException(role, RoleName.SNAPSHOT, "no checksum for " + role + " in the snapshot");
        }
        return meta;
    }

    private <T> T require(T loaded, String prerequisite, String role) {
        if (loaded == null) {
            throw new UnknownRoleException(role, prerequisite + " must be loaded first");
        }
        return loaded;
    }

    private void verifyBaseRole(String role, SignedEnvelope envelope) {
        ThresholdVerifier.verify(envelope, VerificationRole.fromRoot(root.signed(), role));
    }

    static SignedEnvelope parseEnvelope(String role, byte[] bytes) {
        try {
            return SignedEnvelope.parse(bytes);
        } catch (MetadataException | dev.notary4j.tuf.json.TufJsonException e) {
            throw new MetadataRejectedException(role, e);
        }
    }

    static <T extends SignedBody> SignedMetadata<T> decode(SignedEnvelope envelope, String role, Class<T> type) {
        try {
            return SignedMetadata.of(envelope, role, type);
        } catch (MetadataException | dev.notary4j.tuf.json.TufJsonException | ClassCastException e) {
            throw new MetadataRejectedException(role, e);
        }
    }
}
