package dev.notary4j.tuf.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** The {@code signed} part of timestamp.json: file meta of the snapshot (under {@code meta.snapshot}). */
public record Timestamp(OffsetDateTime expires, int version, Map<String, FileMeta> meta) implements SignedBody {
    public static final String TYPE = "Timestamp";

    public Timestamp {
        Objects.requireNonNull(expires, "expires");
        meta = Maps.copy(meta, "meta");
    }

    /** A timestamp recording {@code snapshotMeta}, as the server generates it. */
    public static Timestamp of(OffsetDateTime expires, int version, FileMeta snapshotMeta) {
        return new Timestamp(expires, version, Map.of(RoleName.SNAPSHOT, snapshotMeta));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code meta.snapshot} (present in every valid timestamp). */
    public FileMeta snapshotMeta() {
        return meta.get(RoleName.SNAPSHOT);
    }

    public Timestamp withVersion(int newVersion) {
        return new Timestamp(expires, newVersion, meta);
    }

    public Timestamp withExpires(OffsetDateTime newExpires) {
        return new Timestamp(newExpires, version, meta);
    }

    public Timestamp withSnapshotMeta(FileMeta snapshotMeta) {
        return new Timestamp(expires, version, Maps.with(meta, RoleName.SNAPSHOT, snapshotMeta));
    }
}
