package dev.notary4j.client.update;

import dev.notary4j.client.concurrent.DaemonTasks;
import dev.notary4j.client.TufClientException;
import dev.notary4j.client.cache.MetadataCache;
import dev.notary4j.client.http.FetchException;
import dev.notary4j.client.http.MetadataFetcher;
import dev.notary4j.client.http.MetadataNotFoundException;
import dev.notary4j.client.http.NetworkException;
import dev.notary4j.client.trust.ChecksumMismatchException;
import dev.notary4j.client.trust.RoleGrant;
import dev.notary4j.client.trust.RootChangedException;
import dev.notary4j.client.trust.RootTrustException;
import dev.notary4j.tuf.verify.UntrustedRootException;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.client.trust.TrustedTargetsRole;
import dev.notary4j.client.trust.VerificationException;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.verify.ExpiredException;
import dev.notary4j.tuf.verify.InvalidThresholdException;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import dev.notary4j.tuf.verify.ThresholdNotMetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * notary's client update ({@code client/tufclient.go}, {@code bootstrapClient}) around the pure
 * {@link TrustedMetadataSet}: bootstrap from the cached root (or trust the server's root on first use, subject to
 * pinning), then timestamp, snapshot and the targets tree by checksum; on any failure refresh the root (following
 * {@code <n>.root.json} rotations) and try once more. The clock, the fetcher and the cache are injected.
 *
 * <p>The cached versions are the rollback floor. Verified files are written to the cache when the whole update
 * has succeeded (the root as soon as it is trusted), so a failed update leaves the cache as it was.
 *
 * <p>On first use (no cached root) the snapshot and the top-level targets are also asked for by name while the root
 * and the timestamp are verified: a request less on the critical path each. Those bytes go through the
 * same checks as downloaded ones, starting with the checksums the timestamp and the snapshot vouch for; when they do
 * not match (a publish in between, or anything else), the vouched-for file is fetched by checksum as usual.
 */
public final class Updater {
    private static final Duration NEAR_EXPIRY = Duration.ofDays(182);

    private final String remoteName;
    private final String gun;
    private final MetadataFetcher remote;
    private final MetadataCache cache;
    private final TrustPinning pinning;
    private final Clock clock;
    private final UpdateLimits limits;
    private final Consumer<String> warnings;

    /**
     * @param remoteName how errors name the server, as notary does ({@code host:port})
     * @param warnings   receives what notary logs at Warn level (stale cached timestamp, roles near expiry,
     *                   skipped delegations)
     */
    public Updater(String remoteName, String gun, MetadataFetcher remote, MetadataCache cache, TrustPinning pinning,
            Clock clock, UpdateLimits limits, Consumer<String> warnings) {
        this.remoteName = remoteName;
        this.gun = gun;
        this.remote = remote;
        this.cache = cache;
        this.pinning = pinning;
        this.clock = clock;
        this.limits = limits;
        this.warnings = warnings;
    }

    /** Brings the repository's trusted metadata up to date and returns it. */
    public TrustedMetadataSet update() {
        try (MetadataCache.Lock ignored = cache.lock()) {
            Instant now = clock.instant();
            Cycle cycle = new Cycle(now);
            cycle.bootstrap();
            TrustedMetadataSet result;
            try {
                result = cycle.refresh();
            } catch (TufClientException | SignatureVerificationException first) {
                cycle.updateRoot(first);
                result = cycle.refresh();
            }
            cycle.commit();
            warnNearExpiry(result, now);
            return result;
        }
    }

    /** One update: the cached state (rollback floors), the state being built, and what to write back. */
    private final class Cycle {
        private final Instant now;
        private TrustedMetadataSet floors;
        /** The cached targets tree is read for floors only when a targets role is downloaded (rarely). */
        private boolean targetsFloorsPending;
        private TrustedMetadataSet fresh;
        private final Map<String, byte[]> verified = new LinkedHashMap<>();
        /** The timestamp asked for while the root is loaded; taken by the first refresh only. */
        private CompletableFuture<byte[]> timestampRequest;
        /** Snapshot and targets asked for by name on first use, each taken once by {@link #loadCacheThenRemote}. */
        private final Map<String, CompletableFuture<byte[]>> requestedByName = new HashMap<>();

        Cycle(Instant now) {
            this.now = now;
        }

        /** notary's {@code bootstrapClient}. */
        void bootstrap() {
            // Every update fetches the timestamp: send for it now, while the root is fetched or the cache verified
            // (no trust in it until loadTimestamp verifies it as before).
            timestampRequest = request(RoleName.TIMESTAMP, limits.maxTimestampBytes());
            Optional<byte[]> cachedRoot = cache.read(RoleName.ROOT, limits.maxUnknownBytes());
            if (cachedRoot.isPresent()) {
                // The cached root is the trust anchor: if it cannot be loaded, fail hard.
                floors = TrustedMetadataSet.fromCachedRoot(gun, cachedRoot.get(), now, false);
                loadCachedFloors();
                targetsFloorsPending = true;
                try {
                    fresh = TrustedMetadataSet.fromCachedRoot(gun, cachedRoot.get(), now, true);
                    return;
                } catch (VerificationException | SignatureVerificationException expired) {
                    // A new root must be signed by the cached one, and pass the configured pinning.
                    TrustedMetadataSet anchor = floors.restartedWith(pinning);
                    byte[] raw = fetchRoot();
                    fresh = anchor.withRoot(raw, floors.versionOf(RoleName.ROOT), true, Optional.empty());
                    cache.write(RoleName.ROOT, raw);
                    return;
                }
            }
            byte[] raw = fetchRoot();
            // Nothing cached to compare with: snapshot and targets will be downloaded, the current ones most likely.
            // Asked for once the timestamp and root requests are done, they reuse those connections (a TLS
            // handshake each less) and arrive while the root and timestamp are verified.
            requestedByName.put(RoleName.SNAPSHOT, timestampRequest.thenCompose(
                    timestampReceived -> request(RoleName.SNAPSHOT, limits.maxUnknownBytes())));
            requestedByName.put(RoleName.TARGETS, request(RoleName.TARGETS, limits.maxUnknownBytes()));
            fresh = TrustedMetadataSet.firstUse(gun, raw, pinning, now);
            floors = fresh;
            cache.write(RoleName.ROOT, raw);
        }

        private byte[] fetchRoot() {
            try {
                return remote.fetch(RoleName.ROOT, limits.maxUnknownBytes());
            } catch (MetadataNotFoundException e) {
                throw new RepositoryNotFoundException(remoteName, gun);
            } catch (NetworkException e) {
                throw new ClientOfflineException(e);
            }
        }

        /**
         * notary's old builder: every cached role that still verifies (expiry ignored) sets the version floor.
         * Timestamp and snapshot here; the targets tree in {@link #floorOf} when first needed. The cache is not
         * written before {@link #commit}, so loading it later reads the same files.
         */
        private void loadCachedFloors() {
            floors = tryLoad(floors, RoleName.TIMESTAMP, limits.maxTimestampBytes(), (set, bytes) -> set.withTimestamp(bytes, 1));
            floors = tryLoad(floors, RoleName.SNAPSHOT, sizeCap(floors, RoleName.SNAPSHOT), (set, bytes) -> set.withSnapshot(bytes, 1));
        }

        /** The rollback floor of {@code role}: the version of its cached file if that still verifies, else 1. */
        private int floorOf(String role) {
            if (targetsFloorsPending && (role.equals(RoleName.TARGETS) || RoleName.isDelegation(role))) {
                targetsFloorsPending = false;
                loadCachedTargetsFloors();
            }
            return floors.versionOf(role);
        }

        private void loadCachedTargetsFloors() {
            floors = tryLoad(floors, RoleName.TARGETS, sizeCap(floors, RoleName.TARGETS), (set, bytes) -> set.withTargets(bytes, 1));
            if (!floors.targetsRoles().containsKey(RoleName.TARGETS)) {
                return;
            }
            Deque<String> queue = new ArrayDeque<>();
            pushChildren(queue, floors, RoleName.TARGETS);
            while (!queue.isEmpty()) {
                String role = queue.removeFirst();
                if (floors.expectedMeta(role).isEmpty()) {
                    continue;
                }
                TrustedMetadataSet before = floors;
                floors = tryLoad(floors, role, sizeCap(floors, role), (set, bytes) -> set.withDelegation(role, bytes, 1));
                if (floors != before) {
                    pushChildren(queue, floors, role);
                }
            }
        }

        private TrustedMetadataSet tryLoad(TrustedMetadataSet set, String role, long cap, Loader loader) {
            Optional<byte[]> bytes = cache.read(role, cap);
            if (bytes.isEmpty()) {
                return set;
            }
            try {
                return loader.load(set, bytes.get());
            } catch (TufClientException | SignatureVerificationException | IllegalArgumentException unusable) {
                return set;
            }
        }

        /** notary's {@code update}: timestamp, snapshot, targets tree. */
        TrustedMetadataSet refresh() {
            verified.clear();
            fresh = fresh.rootOnly();
            loadTimestamp();
            fresh = loadCacheThenRemote(RoleName.SNAPSHOT, (set, bytes, min) -> set.withSnapshot(bytes, min));
            loadTargetsTree();
            return fresh;
        }

        private void loadTimestamp() {
            String role = RoleName.TIMESTAMP;
            Optional<byte[]> cached = cache.read(role, limits.maxTimestampBytes());
            try {
                byte[] raw = timestampRequest != null ? takeTimestampRequest()
                        : remote.fetch(role, limits.maxTimestampBytes());
                fresh = fresh.withTimestamp(raw, floors.versionOf(role));
                verified.put(role, raw);
            } catch (FetchException e) {
                if (!e.isNetworkProblem() || cached.isEmpty()) {
                    throw e;
                }
                warnings.accept("Error while downloading remote metadata, using cached timestamp - this might not be"
                        + " the latest version available remotely");
                fresh = fresh.withTimestamp(cached.get(), 1);
            }
        }

        private byte[] takeTimestampRequest() {
            CompletableFuture<byte[]> request = timestampRequest;
            timestampRequest = null;
            return DaemonTasks.join(request);
        }

        /** notary's {@code tryLoadCacheThenRemote}: the cached file if it matches the new checksums, else download. */
        private TrustedMetadataSet loadCacheThenRemote(String role, RoleLoader loader) {
            long cap = sizeCap(fresh, role);
            Optional<byte[]> cached = cache.read(role, cap);
            if (cached.isPresent()) {
                try {
                    return loader.load(fresh, cached.get(), 1);
                } catch (VerificationException | SignatureVerificationException staleOrInvalid) {
                    // download it instead
                }
            }
            Optional<byte[]> byName = takeRequestedByName(role);
            if (byName.isPresent() && byName.get().length <= cap) {
                try {
                    TrustedMetadataSet next = loader.load(fresh, byName.get(), floorOf(role));
                    verified.put(role, byName.get());
                    return next;
                } catch (ChecksumMismatchException notTheVouchedForFile) {
                    // fetch the one vouched for by its checksum
                }
            }
            String name = consistentName(role, fresh.expectedMeta(role).orElseThrow());
            byte[] raw = remote.fetch(name, cap);
            TrustedMetadataSet next = loader.load(fresh, raw, floorOf(role));
            verified.put(role, raw);
            return next;
        }

        /** The bytes asked for by name at bootstrap, if any and the request succeeded; a failure is not reported. */
        private Optional<byte[]> takeRequestedByName(String role) {
            CompletableFuture<byte[]> request = requestedByName.remove(role);
            if (request == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(request.join());
            } catch (CompletionException | CancellationException e) {
                return Optional.empty();
            }
        }

        /** notary's {@code downloadTargets}: depth-first, children before the remaining queue. */
        private void loadTargetsTree() {
            Deque<String> queue = new ArrayDeque<>(List.of(RoleName.TARGETS));
            while (!queue.isEmpty()) {
                String role = queue.removeFirst();
                if (fresh.expectedMeta(role).isEmpty()) {
                    continue; // not published: notary skips it silently
                }
                try {
                    fresh = loadCacheThenRemote(role, role.equals(RoleName.TARGETS)
                            ? (set, bytes, min) -> set.withTargets(bytes, min)
                            : (set, bytes, min) -> set.withDelegation(role, bytes, min));
                } catch (ExpiredException | ThresholdNotMetException | InvalidThresholdException invalidDelegation) {
                    if (role.equals(RoleName.TARGETS)) {
                        throw invalidDelegation;
                    }
                    warnings.accept("Error getting " + role + ": " + invalidDelegation.getMessage());
                    continue;
                }
                pushChildren(queue, fresh, role);
            }
        }

        /**
         * notary's {@code updateRoot}: fetch the newest root (by the checksum the snapshot gave, if any); if it is not
         * signed by the trusted root, walk {@code <n>.root.json} from the cached root's version up to it.
         */
        void updateRoot(RuntimeException cause) {
            Optional<FileMeta> nextMeta = cause instanceof RootChangedException changed
                    ? Optional.of(changed.newRootMeta()) : Optional.empty();
            String name = nextMeta.map(meta -> consistentName(RoleName.ROOT, meta)).orElse(RoleName.ROOT);
            long cap = nextMeta.map(FileMeta::length).orElse(limits.maxUnknownBytes());
            byte[] newest = remote.fetch(name, cap);
            int trustedVersion = floors.versionOf(RoleName.ROOT);
            TrustedMetadataSet current = fresh.rootOnly();
            try {
                fresh = current.withRoot(newest, trustedVersion, true, nextMeta);
            } catch (RootTrustException e) {
                if (e.kind() != UntrustedRootException.Kind.ROTATION) {
                    throw e;
                }
                int newestVersion = TrustedMetadataSet.peekRootVersion(newest);
                if (newestVersion - trustedVersion > limits.maxRootRotations()) {
                    throw new RootRotationLimitException(trustedVersion, newestVersion, limits.maxRootRotations());
                }
                TrustedMetadataSet chain = floors.rootOnly().restartedWith(current.pinning());
                for (int v = trustedVersion + 1; v < newestVersion; v++) {
                    chain = chain.withRoot(remote.fetch(v + "." + RoleName.ROOT, limits.maxUnknownBytes()), v, false,
                            Optional.empty());
                }
                fresh = chain.withRoot(newest, newestVersion, true, nextMeta);
            }
            cache.write(RoleName.ROOT, newest);
        }

        void commit() {
            verified.forEach(cache::write);
        }
    }

    /** Fetches {@code name} beside the caller's work: the request blocks, which the common pool is not for. */
    private CompletableFuture<byte[]> request(String name, long maxBytes) {
        return DaemonTasks.start("notary-request-" + name, () -> remote.fetch(name, maxBytes));
    }

    /** Puts the delegations of trusted {@code role} at the front of {@code queue}, in order (a depth-first walk). */
    private static void pushChildren(Deque<String> queue, TrustedMetadataSet set, String role) {
        List<String> children = set.targetsRoles().get(role).children().stream().map(RoleGrant::name).toList();
        for (int i = children.size() - 1; i >= 0; i--) {
            queue.addFirst(children.get(i));
        }
    }

    private long sizeCap(TrustedMetadataSet set, String role) {
        return set.expectedMeta(role).map(FileMeta::length).orElse(
                role.equals(RoleName.TIMESTAMP) ? limits.maxTimestampBytes() : limits.maxUnknownBytes());
    }

    private static String consistentName(String role, FileMeta meta) {
        byte[] sha256 = meta.hashes().get(FileMeta.SHA256);
        return sha256 == null ? role : role + "." + HexFormat.of().formatHex(sha256);
    }

    private void warnNearExpiry(TrustedMetadataSet set, Instant now) {
        Instant soon = now.plus(NEAR_EXPIRY);
        warnIfSoon("Root", set.root().signed(), soon, " is nearing expiry, you should re-sign the role metadata");
        set.targetsRoles().forEach((role, loaded) -> warnIfSoon(role, loaded.targets(), soon,
                " metadata is nearing expiry, you should re-sign the role metadata"));
        set.snapshot().ifPresent(s -> warnIfSoon("Snapshot", s.signed(), soon,
                " is nearing expiry, you should re-sign the role metadata"));
    }

    private void warnIfSoon(String what, SignedBody body, Instant soon, String message) {
        if (body.expires().toInstant().isBefore(soon)) {
            warnings.accept(what + message);
        }
    }

    @FunctionalInterface
    private interface Loader {
        TrustedMetadataSet load(TrustedMetadataSet set, byte[] bytes);
    }

    @FunctionalInterface
    private interface RoleLoader {
        TrustedMetadataSet load(TrustedMetadataSet set, byte[] bytes, int minimumVersion);
    }
}
