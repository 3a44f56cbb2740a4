package dev.notary4j.server.signing;

import dev.notary4j.server.metadata.Digests;
import dev.notary4j.server.storage.cache.ContentMemo;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.trust.TrustServiceException;
import dev.notary4j.server.trust.TrustServiceUnavailableException;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataCodec;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds and signs the snapshot and timestamp the server owns (spec §6): the next version of the stored one (or
 * version 1), {@code meta} entries hashed over the exact stored bytes, expiry now + lifetime, signed by every key
 * of the role (per the governing root) that the trust service holds.
 */
public final class ServerMetadataGenerator {

    public static final Duration SNAPSHOT_LIFETIME = Duration.ofDays(3 * 365);
    public static final Duration TIMESTAMP_LIFETIME = Duration.ofDays(14);

    /** Two keys per GUN (snapshot and timestamp); emptied when full, the hot ones come back on their next use. */
    private static final int MAX_HELD_KEYS = 20_000;

    private final TrustService trust;
    private final Set<String> heldKeys = ConcurrentHashMap.newKeySet();
    /** Governing roots by content: a publish signs twice under the same root, and the next publish too. */
    private final ContentMemo<Root> roots = new ContentMemo<>(4_096);

    public ServerMetadataGenerator(TrustService trust) {
        this.trust = trust;
    }

    /**
     * A new snapshot: {@code base} (the stored current snapshot, if any) with {@code meta} refreshed for every file
     * in {@code roleFiles} (root, targets and delegations loaded by the request); other entries are kept.
     */
    public GeneratedFile snapshot(byte[] root, Optional<byte[]> base, Map<String, byte[]> roleFiles, Instant now)
            throws MissingServerKeyException, GenerationException, SignerUnavailableException {
        Snapshot snapshot;
        if (base.isPresent()) {
            Snapshot previous = parse(() -> SignedMetadata.parseSnapshot(base.get()).signed(), "stored snapshot", false);
            snapshot = previous.withVersion(next(previous));
        } else {
            if (!roleFiles.containsKey(RoleName.TARGETS)) {
                throw new GenerationException("targets role has not been loaded");
            }
            snapshot = new Snapshot(expiry(now, SNAPSHOT_LIFETIME), 1, Map.of());
        }
        for (Map.Entry<String, byte[]> file : roleFiles.entrySet()) {
            snapshot = snapshot.withMeta(file.getKey(), FileMeta.of(file.getValue()));
        }
        snapshot = snapshot.withExpires(expiry(now, SNAPSHOT_LIFETIME));
        return new GeneratedFile(RoleName.SNAPSHOT, snapshot.version(), sign(root, RoleName.SNAPSHOT, snapshot));
    }

    /** A new timestamp over {@code snapshot}: {@code base} (the latest stored timestamp) + 1, or version 1. */
    public GeneratedFile timestamp(byte[] root, Optional<byte[]> base, byte[] snapshot, Instant now)
            throws MissingServerKeyException, GenerationException, SignerUnavailableException {
        Timestamp timestamp;
        if (base.isPresent()) {
            Timestamp previous = parse(() -> SignedMetadata.parseTimestamp(base.get()).signed(), "stored timestamp", true);
            timestamp = previous.withVersion(next(previous)).withSnapshotMeta(FileMeta.of(snapshot));
        } else {
            timestamp = Timestamp.of(expiry(now, TIMESTAMP_LIFETIME), 1, FileMeta.of(snapshot));
        }
        timestamp = timestamp.withExpires(expiry(now, TIMESTAMP_LIFETIME));
        return new GeneratedFile(RoleName.TIMESTAMP, timestamp.version(), sign(root, RoleName.TIMESTAMP, timestamp));
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse, String what, boolean unreadableIsDetailless) throws GenerationException {
        try {
            return parse.run();
        } catch (MetadataException e) {
            throw new GenerationException(what + ": " + e.getMessage(), unreadableIsDetailless);
        }
    }

    private static int next(SignedBody previous) throws GenerationException {
        if (previous.version() < 1 || previous.version() == Integer.MAX_VALUE) {
            throw new GenerationException("stored " + previous.type() + " version " + previous.version()
                    + " cannot be incremented");
        }
        return previous.version() + 1;
    }

    private static OffsetDateTime expiry(Instant now, Duration lifetime) {
        return now.plus(lifetime).atOffset(ZoneOffset.UTC);
    }

    /** Signs with every key of {@code role} in {@code root} that the trust service holds; the threshold must be met. */
    private byte[] sign(byte[] root, String role, SignedBody body) throws MissingServerKeyException, GenerationException, SignerUnavailableException {
        Root governing = parse(() -> roots.get(RoleName.ROOT, Digests.sha256Hex(root),
                () -> SignedMetadata.parseRoot(root).signed()), "root", false);
        Role keys = governing.roles().get(role);
        if (keys == null) {
            throw new GenerationException("root has no " + role + " role");
        }
        byte[] canonical = MetadataCodec.canonical(body);
        List<Signature> signatures = new ArrayList<>();
        try {
            for (String keyId : keys.keyIdList()) {
                signIfHeld(keyId, canonical).ifPresent(signatures::add);
            }
        } catch (TrustServiceUnavailableException e) {
            throw new SignerUnavailableException("cannot sign " + role + ": " + e.getMessage(), e);
        } catch (TrustServiceException e) {
            throw new GenerationException(e.getMessage());
        }
        if (signatures.isEmpty() || signatures.size() < keys.threshold()) {
            throw new MissingServerKeyException(role, "the trust service holds " + signatures.size() + " of the "
                    + keys.threshold() + " " + role + " keys required");
        }
        return MetadataCodec.fileBytes(body, signatures);
    }

    /**
     * A signature by {@code keyId} if the trust service holds that key. The lookup is skipped for keys it was seen to
     * hold before (a lookup is a round trip, like the signing); should such a key be gone, the signing fails and the
     * answer is looked up again, so the outcome is the same as asking every time.
     */
    private Optional<Signature> signIfHeld(String keyId, byte[] canonical) throws TrustServiceException {
        if (heldKeys.contains(keyId)) {
            try {
                return Optional.of(trust.sign(keyId, canonical));
            } catch (TrustServiceUnavailableException e) {
                throw e;
            } catch (TrustServiceException e) {
                heldKeys.remove(keyId);
            }
        }
        if (trust.publicKey(keyId).isEmpty()) {
            return Optional.empty();
        }
        if (heldKeys.size() >= MAX_HELD_KEYS) {
            heldKeys.clear();
        }
        heldKeys.add(keyId);
        return Optional.of(trust.sign(keyId, canonical));
    }
}
