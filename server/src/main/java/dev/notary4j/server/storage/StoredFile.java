package dev.notary4j.server.storage;

import java.time.Instant;

/**
 * One {@code tuf_files} row: a metadata file exactly as it was uploaded or generated.
 *
 * @param sha256    lowercase hex SHA-256 of {@code data}
 * @param createdAt insert time (rows are never updated, so it is also {@code updated_at})
 */
public record StoredFile(String gun, String role, int version, byte[] data, String sha256, Instant createdAt) {
}
