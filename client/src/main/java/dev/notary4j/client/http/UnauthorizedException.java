package dev.notary4j.client.http;

/** HTTP 401 that token authentication could not resolve. */
public final class UnauthorizedException extends FetchException {
    public UnauthorizedException(String name, String reason) {
        super(name, "you are not authorized to perform this operation: server returned 401." + (reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public boolean isNetworkProblem() {
        return false;
    }
}
