package dev.notary4j.client.publish;

import dev.notary4j.client.TufClientException;

/** A write command could not be carried out: missing keys or passphrases, unknown roles, a refused upload. */
public final class PublishException extends TufClientException {
    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
