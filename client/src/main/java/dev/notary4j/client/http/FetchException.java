package dev.notary4j.client.http;

import dev.notary4j.client.TufClientException;

/** A metadata download failed; {@link #isNetworkProblem()} tells the updater whether the cache may stand in. */
public abstract class FetchException extends TufClientException {
    private final String name;

    protected FetchException(String name, String message) {
        super(message);
        this.name = name;
    }

    protected FetchException(String name, String message, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    /** The metadata name that was requested, e.g. {@code timestamp} or {@code snapshot.<hex>}. */
    public String name() {
        return name;
    }

    /**
     * notary's client falls back to its cached timestamp on exactly these failures (404, an unexpected status,
     * offline, a network error) and on nothing else.
     */
    public boolean isNetworkProblem() {
        return true;
    }
}
