package dev.notary4j.client.http;

/** Any status notary has no specific meaning for: its {@code ErrServerUnavailable}. */
public final class ServerUnavailableException extends FetchException {
    private final int status;

    public ServerUnavailableException(String name, int status) {
        super(name, "unable to reach trust server at this time: " + status + ".");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
