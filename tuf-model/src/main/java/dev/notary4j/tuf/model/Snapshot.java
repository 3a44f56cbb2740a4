package dev.notary4j.tuf.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** The {@code signed} part of snapshot.json: file meta of root, targets and every delegation file. */
public record Snapshot(OffsetDateTime expires, int version, Map<String, FileMeta> meta) implements SignedBody {
    public static final String TYPE = "Snapshot";

    public Snapshot {
        Objects.requireNonNull(expires, "expires");
        meta = Maps.copy(meta, "meta");
    }

    @Override
    public String type() {
        return TYPE;
    }

    public Snapshot withVersion(int newVersion) {
        return new Snapshot(expires, newVersion, meta);
    }

    public Snapshot withExpires(OffsetDateTime newExpires) {
        return new Snapshot(newExpires, version, meta);
    }

    public Snapshot withMeta(String role, FileMeta fileMeta) {
        return new Snapshot(expires, version, Maps.with(meta, role, fileMeta));
    }

    public Snapshot withoutMeta(String role) {
        return new Snapshot(expires, version, Maps.without(meta, role));
    }
}
