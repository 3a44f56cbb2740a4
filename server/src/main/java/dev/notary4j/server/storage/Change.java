package dev.notary4j.server.storage;

import java.time.Instant;

/**
 * One changefeed row. For deletions {@code version} is 0 and {@code sha256} is what the column returns for an
 * empty value (64 blanks on PostgreSQL's {@code char(64)}).
 */
public record Change(long id, Instant createdAt, String gun, int version, String sha256, String category) {
    public static final String UPDATE = "update";
    public static final String DELETION = "deletion";
}
