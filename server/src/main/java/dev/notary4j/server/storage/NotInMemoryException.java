package dev.notary4j.server.storage;

/**
 * A memory-only read found that its answer needs the database or the signer: the caller retries the request where
 * blocking is allowed. Control flow, so it carries no stack trace.
 */
public final class NotInMemoryException extends RuntimeException {

    public NotInMemoryException(String what) {
        super(what, null, false, false);
    }
}
