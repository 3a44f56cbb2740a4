package dev.notary4j.server.storage;

import dev.notary4j.server.metadata.Digests;
import dev.notary4j.server.storage.cache.ContentMemo;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.SignedMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * "Current" metadata as the Go SQL store resolves it (spec §4.4c): the latest timestamp, the snapshot whose SHA-256
 * that timestamp lists, and the file whose SHA-256 that snapshot lists for a role. What the highest version of a
 * role is does not matter.
 */
public final class CurrentMetadata {

    private final MetaStore store;
    /** Parsed {@code meta} of timestamps and snapshots by their SHA-256: every GET resolves through them. */
    private final ContentMemo<Map<String, FileMeta>> listings;

    public CurrentMetadata(MetaStore store) {
        this(store, new ContentMemo<>(4_096));
    }

    private CurrentMetadata(MetaStore store, ContentMemo<Map<String, FileMeta>> listings) {
        this.store = store;
        this.listings = listings;
    }

    /** The same resolution over {@code other} (e.g. a memory-only view), sharing what was parsed. */
    public CurrentMetadata over(MetaStore other) {
        return new CurrentMetadata(other, listings);
    }

    /** The current root, targets or delegation file; empty when any link of the chain is missing. */
    public Optional<StoredFile> role(String gun, String role) {
        return store.latest(gun, "timestamp").flatMap(this::snapshotOf).flatMap(snapshot -> listedIn(snapshot, role));
    }

    /** The snapshot a timestamp lists. */
    public Optional<StoredFile> snapshotOf(StoredFile timestamp) {
        return listedIn(timestamp, "snapshot");
    }

    /** The file of {@code role} whose checksum {@code listing} (a snapshot or timestamp) records. */
    public Optional<StoredFile> listedIn(StoredFile listing, String role) {
        return Optional.ofNullable(meta(listing).get(role)).map(m -> Digests.hex(m.hash(FileMeta.SHA256)))
                .flatMap(hash -> store.byChecksum(listing.gun(), role, hash));
    }

    /** Whether {@code listing} (a snapshot or timestamp) records {@code file}'s SHA-256 for {@code file}'s role. */
    public boolean listsExactly(StoredFile listing, StoredFile file) {
        FileMeta entry = meta(listing).get(file.role());
        return entry != null && entry.hash(FileMeta.SHA256) != null
                && Digests.hex(entry.hash(FileMeta.SHA256)).equals(file.sha256());
    }

    /**
     * Whether {@code listing} (a snapshot or timestamp) has an entry with a SHA-256 for {@code role}, stored or not
     * (without one, Go's SQL store fails the lookup instead of reporting the role absent).
     */
    public boolean lists(StoredFile listing, String role) {
        FileMeta entry = meta(listing).get(role);
        return entry != null && entry.hash(FileMeta.SHA256) != null;
    }

    private Map<String, FileMeta> meta(StoredFile listing) {
        return listings.get(listing.role(), listing.sha256(), () -> parseMeta(listing));
    }

    private static Map<String, FileMeta> parseMeta(StoredFile listing) {
        try {
            return listing.role().equals(RoleName.TIMESTAMP)
                    ? SignedMetadata.parseTimestamp(listing.data()).signed().meta()
                    : SignedMetadata.parseSnapshot(listing.data()).signed().meta();
        } catch (MetadataException e) {
            throw new CorruptMetadataException("stored " + listing.role() + " version " + listing.version()
                    + " of " + listing.gun() + " is unreadable: " + e.getMessage());
        }
    }
}
