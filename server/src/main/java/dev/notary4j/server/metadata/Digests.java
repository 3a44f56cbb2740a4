package dev.notary4j.server.metadata;

import dev.notary4j.tuf.crypto.Hashes;
import java.util.HexFormat;

/** The checksum notary uses in URLs, the {@code sha256} column and the changefeed: lowercase hex SHA-256. */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Hashes.sha256(data));
    }

    /** Lowercase hex of a digest taken from metadata (where it is base64), or null. */
    public static String hex(byte[] digest) {
        return digest == null ? null : HexFormat.of().formatHex(digest);
    }
}
