package dev.notary4j.client.http;

/** HTTP 400, with the (size-capped) body the server sent as detail. */
public final class BadRequestException extends FetchException {
    private final String detail;

    public BadRequestException(String name, String detail) {
        super(name, "trust server rejected operation." + (detail.isEmpty() ? "" : " " + detail));
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    @Override
    public boolean isNetworkProblem() {
        return false;
    }
}
