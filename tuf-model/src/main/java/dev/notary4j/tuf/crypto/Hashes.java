package dev.notary4j.tuf.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** SHA-256/SHA-512 helpers and notary's checksum rules for file meta (tuf-client spec §1.8). */
public final class Hashes {
    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";

    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static byte[] sha512(byte[] data) {
        return digest("SHA-512", data);
    }

    /**
     * Go's {@code CheckHashes}: every recognised algorithm present must match (constant-time comparison),
     * unknown algorithms are ignored, and at least one recognised algorithm must be present. SHA-256 is checked
     * before SHA-512 (Go's order is map order, so either may be reported when both mismatch).
     */
    public static void check(Map<String, byte[]> expected, byte[] data) throws HashCheckException {
        int checked = 0;
        for (String algorithm : new String[] {SHA256, SHA512}) {
            if (!expected.containsKey(algorithm)) {
                continue;
            }
            byte[] want = orEmpty(expected.get(algorithm)); // JSON null decodes to an empty digest in Go
            byte[] actual = SHA256.equals(algorithm) ? sha256(data) : sha512(data);
            if (!MessageDigest.isEqual(actual, want)) {
                throw new HashMismatchException(algorithm, want, actual);
            }
            checked++;
        }
        if (checked == 0) {
            throw new NoSupportedHashException();
        }
    }

    /** Go's {@code CheckValidHashStructures}: recognised digests must have their algorithm's length, one must exist. */
    public static void checkStructure(Map<String, byte[]> hashes) throws HashCheckException {
        int recognised = 0;
        for (Map.Entry<String, Integer> rule : Map.of(SHA256, 32, SHA512, 64).entrySet()) {
            if (!hashes.containsKey(rule.getKey())) {
                continue;
            }
            byte[] value = orEmpty(hashes.get(rule.getKey()));
            if (value.length != rule.getValue()) {
                throw new InvalidHashLengthException(rule.getKey(), value.length);
            }
            recognised++;
        }
        if (recognised == 0) {
            throw new NoSupportedHashException();
        }
    }

    private static byte[] orEmpty(byte[] value) {
        return value == null ? new byte[0] : value;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + algorithm, e);
        }
    }
}
