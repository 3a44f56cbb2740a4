package dev.notary4j.server.metadata;

/** Stored or uploaded metadata lacks what the server needs from it. */
public final class MetadataFormatException extends Exception {
    public MetadataFormatException(String message) {
        super(message);
    }
}
