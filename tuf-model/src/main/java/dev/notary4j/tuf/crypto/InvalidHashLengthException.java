package dev.notary4j.tuf.crypto;

/** A recognised digest has the wrong length (Go: {@code ErrInvalidChecksum}). */
public final class InvalidHashLengthException extends HashCheckException {
    private final String algorithm;
    private final int length;

    public InvalidHashLengthException(String algorithm, int length) {
        super("invalid " + algorithm + " checksum: " + length + " bytes");
        this.algorithm = algorithm;
        this.length = length;
    }

    public String algorithm() {
        return algorithm;
    }

    public int length() {
        return length;
    }
}
