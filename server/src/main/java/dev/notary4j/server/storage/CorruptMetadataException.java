package dev.notary4j.server.storage;

/** A stored file the server must read (timestamp, snapshot) cannot be parsed. */
public final class CorruptMetadataException extends RuntimeException {
    public CorruptMetadataException(String message) {
        super(message);
    }
}
