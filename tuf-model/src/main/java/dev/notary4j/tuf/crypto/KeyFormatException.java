package dev.notary4j.tuf.crypto;

/** Key material that cannot be decoded the way notary decodes it. Never carries key bytes in its message. */
public final class KeyFormatException extends RuntimeException {
    private final String keyType;

    public KeyFormatException(String keyType, String message) {
        super(keyType + ": " + message);
        this.keyType = keyType;
    }

    public KeyFormatException(String keyType, String message, Throwable cause) {
        super(keyType + ": " + message, cause);
        this.keyType = keyType;
    }

    public String keyType() {
        return keyType;
    }
}
