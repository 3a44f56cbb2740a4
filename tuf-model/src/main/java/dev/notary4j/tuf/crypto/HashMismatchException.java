package dev.notary4j.tuf.crypto;

import java.util.HexFormat;

/** A recognised digest did not match the data (Go: {@code ErrMismatchedChecksum}). */
public final class HashMismatchException extends HashCheckException {
    private final String algorithm;
    private final byte[] expected;
    private final byte[] actual;

    public HashMismatchException(String algorithm, byte[] expected, byte[] actual) {
        super(algorithm + " checksum did not match: expected " + HexFormat.of().formatHex(expected));
        this.algorithm = algorithm;
        this.expected = expected.clone();
        this.actual = actual.clone();
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] expected() {
        return expected.clone();
    }

    public byte[] actual() {
        return actual.clone();
    }

    /** Lowercase hex of the expected digest, as Go prints it. */
    public String expectedHex() {
        return HexFormat.of().formatHex(expected);
    }
}
