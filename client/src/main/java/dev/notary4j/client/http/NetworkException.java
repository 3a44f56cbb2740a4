package dev.notary4j.client.http;

/** The server could not be reached or the connection broke: notary's {@code NetworkError}. */
public final class NetworkException extends FetchException {
    public NetworkException(String name, Throwable cause) {
        super(name, "unable to reach trust server: " + (cause.getMessage() != null ? cause.getMessage() : cause), cause);
    }
}
