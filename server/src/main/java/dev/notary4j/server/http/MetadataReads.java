package dev.notary4j.server.http;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.signing.ServerManagedMetadata;
import dev.notary4j.server.storage.CurrentMetadata;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.StoredFile;
import java.util.Optional;

/**
 * GETs of current metadata (timestamp and snapshot through {@link ServerManagedMetadata}, other roles through the
 * chain timestamp -> snapshot -> file) and of checksum-addressed files. Over the read cache's memory-only view it
 * answers on the event loop or throws {@link dev.notary4j.server.storage.NotInMemoryException}.
 */
final class MetadataReads {

    private final MetaStore store;
    private final CurrentMetadata current;
    private final ServerManagedMetadata serverManaged;

    MetadataReads(MetaStore store, CurrentMetadata current, ServerManagedMetadata serverManaged) {
        this.store = store;
        this.current = current;
        this.serverManaged = serverManaged;
    }

    /** The same reads over {@code memoryStore}, sharing what was parsed, never regenerating. */
    MetadataReads memoryOnly(MetaStore memoryStore) {
        return new MetadataReads(memoryStore, current.over(memoryStore), serverManaged.memoryOnly(memoryStore));
    }

    Reply current(String gun, String role) throws NotaryException {
        return switch (role) {
            case "timestamp" -> found(serverManaged.timestamp(gun));
            case "snapshot" -> found(serverManaged.snapshot(gun));
            default -> found(current.role(gun, role));
        };
    }

    Reply byChecksum(String gun, String role, String checksum) throws NotaryException {
        return found(store.byChecksum(gun, role, checksum));
    }

    static Reply found(Optional<StoredFile> file) throws NotaryException {
        StoredFile stored = file.orElseThrow(() -> NotaryException.withEmptyDetail(ErrorCode.METADATA_NOT_FOUND, null));
        return Reply.metadata(stored.data(), stored.createdAt());
    }
}
