package dev.notary4j.client.http;

/**
 * The server announced or sent more bytes than allowed for this file: notary's {@code ErrMaliciousServer}.
 * Raised while reading, as soon as the limit is passed.
 */
public final class MaliciousServerException extends FetchException {
    private final long limit;

    public MaliciousServerException(String name, long limit) {
        super(name, "trust server returned a bad response. (" + name + " exceeds " + limit + " bytes)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public boolean isNetworkProblem() {
        return false;
    }
}
