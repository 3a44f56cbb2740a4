package dev.notary4j.client.update;

import dev.notary4j.client.TufClientException;

/**
 * No trusted root in the cache and the server cannot be reached: what notary reports as {@code client is offline}
 * (its CLI pings the server first and goes offline when that fails). The network error is the cause.
 */
public final class ClientOfflineException extends TufClientException {
    public ClientOfflineException(Throwable cause) {
        super("client is offline", cause);
    }
}
