package dev.notary4j.server.signing;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.metadata.Digests;
import dev.notary4j.server.storage.CurrentMetadata;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.storage.NotInMemoryException;
import dev.notary4j.server.storage.OldVersionException;
import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.server.storage.cache.ContentMemo;
import dev.notary4j.server.validation.RegenerationChecks;
import dev.notary4j.server.validation.RuleViolation;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.SignedMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET {@code timestamp.json} / {@code snapshot.json} (spec §6.2): serve the stored ones while they are valid,
 * otherwise regenerate (snapshot only when expired; timestamp when expired or no longer matching its snapshot),
 * store atomically and serve the new ones.
 *
 * <p>As Go, the current root must load (certificates, signatures, expiry) before anything is re-signed, and a new
 * timestamp only vouches for a snapshot that loads against it. Unlike Go, losing a regeneration race to a concurrent
 * request is not a 500: the winner's files are served.
 */
public final class ServerManagedMetadata {

    private static final int ATTEMPTS = 3;

    private final ContentMemo<Instant> expiries;
    private final MetaStore store;
    private final CurrentMetadata current;
    /** Empty in a memory-only view, which must never block on the signer. */
    private final Optional<ServerMetadataGenerator> generator;
    private final Clock clock;

    public ServerManagedMetadata(MetaStore store, ServerMetadataGenerator generator, Clock clock) {
        this(store, new CurrentMetadata(store), Optional.of(generator), clock, new ContentMemo<>(4_096));
    }

    private ServerManagedMetadata(MetaStore store, CurrentMetadata current, Optional<ServerMetadataGenerator> generator,
                                  Clock clock, ContentMemo<Instant> expiries) {
        this.store = store;
        this.current = current;
        this.generator = generator;
        this.clock = clock;
        this.expiries = expiries;
    }

    /**
     * The same answers read from {@code memoryStore} (a memory-only view of the read cache), sharing what was parsed;
     * where the files would have to be regenerated it throws {@link NotInMemoryException} instead of signing.
     */
    public ServerManagedMetadata memoryOnly(MetaStore memoryStore) {
        return new ServerManagedMetadata(memoryStore, current.over(memoryStore), Optional.empty(), clock, expiries);
    }

    /** The current timestamp, regenerated when needed; empty (404) when the GUN has none or its snapshot is gone. */
    public Optional<StoredFile> timestamp(String gun) throws NotaryException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredFile> timestamp = store.latest(gun, "timestamp");
            if (timestamp.isEmpty()) {
                return Optional.empty();
            }
            Optional<StoredFile> snapshot = current.snapshotOf(timestamp.get());
            if (snapshot.isEmpty()) {
                return Optional.empty();
            }
            Optional<StoredFile> fresh = refresh(gun, timestamp.get(), snapshot.get());
            if (fresh.isPresent()) {
                return fresh;
            }
        }
        throw NotaryException.withEmptyDetail(ErrorCode.UNKNOWN, "timestamp of " + gun + " keeps changing under regeneration");
    }

    /** The snapshot the current timestamp lists. */
    public Optional<StoredFile> snapshot(String gun) throws NotaryException {
        Optional<StoredFile> timestamp = timestamp(gun);
        if (timestamp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(current.snapshotOf(timestamp.get()).orElseThrow(() -> NotaryException.withEmptyDetail(
                ErrorCode.UNKNOWN, "the snapshot listed by the timestamp of " + gun + " disappeared")));
    }

    /** The timestamp to serve, or empty when a concurrent request stored a newer one first (retry). */
    private Optional<StoredFile> refresh(String gun, StoredFile timestamp, StoredFile snapshot) throws NotaryException {
        Instant now = clock.instant();
        boolean snapshotExpired = isExpired(snapshot, now);
        if (!snapshotExpired && !isExpired(timestamp, now) && current.listsExactly(timestamp, snapshot)) {
            return Optional.of(timestamp);
        }
        ServerMetadataGenerator signer = generator.orElseThrow(
                () -> new NotInMemoryException("the timestamp of " + gun + " needs regenerating"));
        try {
            Optional<GeneratedFile> newSnapshot = Optional.empty();
            byte[] snapshotBytes = snapshot.data();
            if (snapshotExpired) {
                byte[] root = rootListedBy(snapshot);
                RegenerationChecks.checkRoot(gun, root, now);
                GeneratedFile generated = signer.snapshot(root, Optional.of(snapshot.data()), Map.of("root", root), now);
                newSnapshot = Optional.of(generated);
                snapshotBytes = generated.data();
            }
            byte[] root = rootListedBy(snapshot);
            RegenerationChecks.checkSnapshot(gun, root, snapshotBytes, now);
            GeneratedFile newTimestamp = signer.timestamp(root, Optional.of(timestamp.data()), snapshotBytes, now);
            List<MetaUpdate> files = new ArrayList<>();
            newSnapshot.ifPresent(s -> files.add(new MetaUpdate(s.role(), s.version(), s.data())));
            files.add(new MetaUpdate(newTimestamp.role(), newTimestamp.version(), newTimestamp.data()));
            store.update(gun, files);
            return Optional.of(new StoredFile(gun, "timestamp", newTimestamp.version(), newTimestamp.data(),
                    Digests.sha256Hex(newTimestamp.data()), now));
        } catch (OldVersionException e) {
            return Optional.empty();
        } catch (MissingServerKeyException | GenerationException | SignerUnavailableException | MetadataException
                 | RuleViolation e) {
            throw NotaryException.withEmptyDetail(ErrorCode.UNKNOWN, "cannot regenerate metadata of " + gun + ": " + e.getMessage());
        }
    }

    /** The root the snapshot lists; regeneration needs it. */
    private byte[] rootListedBy(StoredFile snapshot) throws NotaryException {
        return current.listedIn(snapshot, "root").orElseThrow(() -> NotaryException.withEmptyDetail(ErrorCode.UNKNOWN,
                "the current snapshot of " + snapshot.gun() + " lists no stored root")).data();
    }

    private boolean isExpired(StoredFile file, Instant now) {
        // Memoized by content: every GET of timestamp.json checks both the timestamp and the snapshot.
        Instant expires = expiries.get(file.role(), file.sha256(),
                () -> SignedMetadata.parse(file.data(), file.role()).signed().expires().toInstant());
        return expires.isBefore(now);
    }
}
