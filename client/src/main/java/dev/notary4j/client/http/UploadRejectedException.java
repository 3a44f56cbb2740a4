package dev.notary4j.client.http;

import dev.notary4j.client.TufClientException;

/** The server refused a write ({@code POST} of metadata or of a key request) with this status and error body. */
public final class UploadRejectedException extends TufClientException {
    private final int status;
    private final String body;

    public UploadRejectedException(String what, int status, String body) {
        super("the server refused " + what + ": HTTP " + status + (body.isEmpty() ? "" : " " + body));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
