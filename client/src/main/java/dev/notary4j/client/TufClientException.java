package dev.notary4j.client;

/** Base of every error the notary client raises; subclasses carry the fields callers and tests need. */
public abstract class TufClientException extends RuntimeException {
    protected TufClientException(String message) {
        super(message);
    }

    protected TufClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
