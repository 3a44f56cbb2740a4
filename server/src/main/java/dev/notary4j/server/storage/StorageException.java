package dev.notary4j.server.storage;

/** The database failed (unreachable, constraint other than the version guard, ...). */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
