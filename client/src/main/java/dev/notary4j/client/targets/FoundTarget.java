package dev.notary4j.client.targets;

import dev.notary4j.tuf.model.FileMeta;
import java.util.HexFormat;
import java.util.Optional;

/** A target as a trusted role lists it, with the name of that role (the role that signed it). */
public record FoundTarget(String name, FileMeta meta, String role) {
    public long length() {
        return meta.length();
    }

    /** Lowercase hex of the sha256 hash; empty when the target has none (notary prints an empty DIGEST then). */
    public Optional<String> sha256Hex() {
        return Optional.ofNullable(meta.hash(FileMeta.SHA256)).map(HexFormat.of()::formatHex);
    }
}
