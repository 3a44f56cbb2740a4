package dev.notary4j.server.storage;

import java.util.List;
import java.util.Optional;

/**
 * notary-server's metadata storage ({@code tuf_files} + {@code changefeed}). Every method blocks: call it from a
 * worker thread, never from an event loop. Failures other than the documented ones are {@link StorageException}.
 */
public interface MetaStore {

    /** The row with the highest version of {@code role}. */
    Optional<StoredFile> latest(String gun, String role);

    Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex);

    /** Version 0 never matches (the Go SQL store's "any row" quirk is not reproduced). */
    Optional<StoredFile> byVersion(String gun, String role, int version);

    /**
     * Stores all files in one transaction, in the given order, plus one changefeed {@code update} row for the
     * {@code timestamp} file if there is one. Nothing is stored when any role's version is not greater than every
     * stored version of that role.
     */
    void update(String gun, List<MetaUpdate> files) throws OldVersionException;

    /** Physically removes every row of {@code gun}; adds a {@code deletion} change when rows were removed. */
    int delete(String gun);

    /**
     * Changefeed page, oldest first. {@code gun} null = all GUNs. {@code records > 0} and {@code changeId >= 0}
     * pages forward from (excluding) {@code changeId}; otherwise it pages backward ({@code changeId <= 0} = from
     * the newest), {@code |records|} rows.
     */
    List<Change> changes(String gun, long changeId, int records);

    /** Throws when {@code tuf_files} cannot be read (the "DB operational" health check). */
    void checkHealth();
}
